import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../scripts/lib/paths";
import { commandOf, descendantsOf, listProcesses, signal, stillRunning, type ProcessInfo } from "../../scripts/lib/process-tree";

// Every process a run starts inherits this variable; on Linux it finds them even after their parent
// died and they were handed to init, which parent ids alone cannot.
const TAG = "AFFILIATES_START_RUN";

/**
 * One `npm start`, run as a terminal runs it: in a process group of its own, which a terminal's Ctrl-C
 * signals as a whole. Its processes are listed every 100 ms so the test can tell whether any survive.
 */
export class NpmStart {
  private readonly tag = randomUUID();
  // A temp dir of its own: firebase-tools keeps its hub locator (which export-on-exit reads) in
  // os.tmpdir(), shared with any other emulators on the machine.
  private readonly tmp = mkdtempSync(join(tmpdir(), "npm-start-"));
  private readonly seen = new Map<number, ProcessInfo>();
  private readonly child: ChildProcess;
  private readonly poller: NodeJS.Timeout;
  private text = "";
  private exitedAt: number | undefined;
  /** Settles with the time `npm start` exited. */
  readonly exited: Promise<number>;

  constructor(args: readonly string[] = []) {
    this.child = spawn("npm", ["start", "--", ...args], {
      cwd: repoRoot,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, [TAG]: this.tag, TMPDIR: this.tmp },
    });
    for (const stream of [this.child.stdout, this.child.stderr]) stream?.on("data", (chunk: Buffer) => (this.text += chunk.toString()));
    this.exited = new Promise((resolve) =>
      this.child.on("exit", () => {
        this.exitedAt = Date.now();
        resolve(this.exitedAt);
      }),
    );
    this.poller = setInterval(() => this.record(), 100);
  }

  get output(): string {
    return this.text;
  }

  get hasExited(): boolean {
    return this.exitedAt !== undefined;
  }

  /** Waits until the output contains `text`; fails early if `npm start` exits first. */
  async waitFor(text: string, timeoutMs = 240_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.text.includes(text)) {
      if (this.hasExited) throw new Error(`npm start exited before printing "${text}":\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`npm start did not print "${text}" within ${timeoutMs / 1000} s:\n${this.tail()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits until a process whose command line contains `text` (or any child of start.ts) runs under `npm start`. */
  async waitForProcess(text: string | undefined, timeoutMs = 240_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    const matches = (command: string) => (text === undefined ? command !== "" && !command.includes("scripts/start.ts") : command.includes(text));
    for (;;) {
      const found = this.running().find((p) => matches(commandOf(p.pid)));
      if (found) return found.pid;
      const what = text ?? "a child process";
      if (this.hasExited) throw new Error(`npm start exited before running ${what}:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`npm start did not run ${what} within ${timeoutMs / 1000} s:\n${this.tail()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Ctrl-C in a terminal: SIGINT to every process of the foreground group. Returns when it was sent. */
  ctrlC(): number {
    if (this.child.pid !== undefined) process.kill(-this.child.pid, "SIGINT");
    return Date.now();
  }

  /** `kill PID`, as process managers stop a service: SIGTERM to `npm` alone. */
  terminate(): number {
    this.child.kill("SIGTERM");
    return Date.now();
  }

  /** The processes running under `npm start` right now, npm itself excluded. */
  running(): ProcessInfo[] {
    return this.child.pid === undefined ? [] : descendantsOf(this.child.pid, listProcesses()).filter((p) => !p.zombie);
  }

  /** Pids of every process this run started that still runs. */
  survivors(): number[] {
    this.record();
    const pids = new Set([...stillRunning(this.seen.values()).map((p) => p.pid), ...this.tagged()]);
    return [...pids].sort((a, b) => a - b);
  }

  /** Leaves nothing behind, whatever the test found. */
  cleanUp(): void {
    clearInterval(this.poller);
    for (const pid of this.survivors()) signal(pid, "SIGKILL");
    if (this.child.pid !== undefined && !this.hasExited) signal(-this.child.pid, "SIGKILL");
    rmSync(this.tmp, { recursive: true, force: true });
  }

  tail(lines = 40): string {
    return this.text.split("\n").slice(-lines).join("\n");
  }

  private record(): void {
    const table = listProcesses();
    if (this.child.pid !== undefined) {
      for (const p of descendantsOf(this.child.pid, table)) this.seen.set(p.pid, p);
    }
  }

  private tagged(): number[] {
    if (!existsSync("/proc/self/environ")) return [];
    const entry = `${TAG}=${this.tag}`;
    const pids: number[] = [];
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        if (readFileSync(`/proc/${name}/environ`, "utf8").split("\0").includes(entry)) pids.push(Number(name));
      } catch {
        // gone, or not ours to read
      }
    }
    return pids;
  }
}
