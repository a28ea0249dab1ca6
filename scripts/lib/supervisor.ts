import { descendantsOf, killTree, listProcesses, signal, stillRunning, type ProcessInfo } from "./process-tree";

// A terminal's Ctrl-C reaches every process of the foreground group, and npm forwards the signal to
// its script once more: two signals a few milliseconds apart are one Ctrl-C.
const ECHO_MS = 300;
const EXIT_WAIT_MS = 5_000;

export interface GracefulStop {
  /** Asks the main child to stop (and to save what it keeps). */
  begin: () => void;
  /** Settles once that child has exited. */
  exited: Promise<unknown>;
}

/**
 * Owns every process a script starts and ends them all on Ctrl-C (SIGINT), SIGTERM or SIGHUP.
 * Until `stopGracefullyWith` is called, a signal kills the whole tree at once: there is nothing to
 * save yet. After it, the first signal asks the main child to stop by itself, and whatever is still
 * running after `graceMs`, or when it has exited, is killed; a second signal kills at once.
 * Processes that outlive their parent are remembered from regular listings and killed too.
 */
export class Supervisor {
  private readonly seen = new Map<number, ProcessInfo>();
  private graceful: GracefulStop | undefined;
  private stopping = false;
  private lastSignal = 0;
  private exiting = false;

  constructor(private readonly graceMs: number) {
    for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(name, () => this.onSignal());
    setInterval(() => this.record(), 1000).unref();
  }

  /** True once a signal asked to stop: failures of the interrupted work are expected then. */
  get isStopping(): boolean {
    return this.stopping;
  }

  stopGracefullyWith(stop: GracefulStop): void {
    this.graceful = stop;
  }

  /** Kills everything started under this process, waits until it is gone, and exits. */
  async exit(code: number): Promise<never> {
    if (!this.exiting) {
      this.exiting = true;
      this.record();
      const killed = killTree(process.pid).filter((p) => !p.zombie);
      const orphans = stillRunning(this.seen.values()).filter((p) => !killed.some((k) => k.pid === p.pid));
      for (const p of orphans) signal(p.pid, "SIGKILL");
      const count = killed.length + orphans.length;
      if (this.stopping && count > 0) console.log(`Killed ${count} process${count === 1 ? "" : "es"}.`);
      // A killed JVM takes a moment to unwind: exit only once nothing of ours holds a port.
      const deadline = Date.now() + EXIT_WAIT_MS;
      while (stillRunning([...killed, ...orphans]).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      process.exit(code);
    }
    return new Promise<never>(() => {});
  }

  private onSignal(): void {
    const now = Date.now();
    if (this.exiting || now - this.lastSignal < ECHO_MS) return;
    this.lastSignal = now;
    if (this.stopping || !this.graceful) {
      console.log(this.stopping ? "\nStopping at once." : "\nStopping.");
      this.stopping = true;
      void this.exit(0);
      return;
    }
    this.stopping = true;
    console.log(`\nStopping (within ${this.graceMs / 1000} s); press Ctrl-C again to stop at once.`);
    setInterval(() => this.record(), 100).unref();
    setTimeout(() => void this.exit(0), this.graceMs).unref();
    void this.graceful.exited.then(() => this.exit(0));
    this.graceful.begin();
  }

  private record(): void {
    const table = listProcesses();
    const current = [...stillRunning(this.seen.values(), table), ...descendantsOf(process.pid, table)];
    this.seen.clear();
    for (const p of current) this.seen.set(p.pid, p);
  }
}
