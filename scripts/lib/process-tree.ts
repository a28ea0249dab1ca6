import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

// The processes a script started, found through parent ids. firebase-tools starts the Java emulators
// in sessions of their own (`detached`), so neither process groups nor a terminal's Ctrl-C reach them.

/** One process. `started` tells it apart from a later process that reuses its pid. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  started: string;
  /** Exited but not yet reaped by its parent: nothing left to stop. */
  zombie: boolean;
}

export type ProcessSource = "proc" | "ps";

const defaultSource = (): ProcessSource => (existsSync("/proc/self/stat") ? "proc" : "ps");

/** Every process on the machine: from /proc on Linux, from `ps` elsewhere (macOS). */
export function listProcesses(source: ProcessSource = defaultSource()): ProcessInfo[] {
  return source === "proc" ? fromProc() : fromPs();
}

function fromProc(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      out.push(fromStat(readFileSync(`/proc/${name}/stat`, "utf8")));
    } catch {
      continue; // exited while we listed
    }
  }
  return out;
}

/**
 * One line of /proc/PID/stat: `pid (comm) state ppid … num_threads(field 20) … starttime(field 22) …`;
 * comm may itself hold spaces and parentheses. A killed multi-threaded process (node, a JVM) shows its
 * main thread as a zombie while its other threads still unwind and hold its sockets open: it counts
 * as exited only once no thread is left.
 */
export function fromStat(stat: string): ProcessInfo {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const threads = Number(fields[17]);
  return {
    pid: Number(stat.slice(0, stat.indexOf(" "))),
    ppid: Number(fields[1]),
    started: fields[19] ?? "",
    zombie: fields[0] === "Z" && !(threads > 1),
  };
}

function fromPs(): ProcessInfo[] {
  const text = execFileSync("ps", ["-A", "-o", "pid=,ppid=,stat=,lstart="], { encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
  const out: ProcessInfo[] = [];
  for (const line of text.split("\n")) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.+?)\s*$/.exec(line);
    if (!match?.[1] || !match[2] || !match[3] || !match[4]) continue;
    out.push({ pid: Number(match[1]), ppid: Number(match[2]), started: match[4], zombie: match[3].startsWith("Z") });
  }
  return out;
}

/** The command line of a running process ("" once it is gone). */
export function commandOf(pid: number, source: ProcessSource = defaultSource()): string {
  try {
    if (source === "proc") return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    return execFileSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

/** The children of `root`, their children, and so on. */
export function descendantsOf(root: number, table: readonly ProcessInfo[]): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const p of table) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: ProcessInfo[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      queue.push(child.pid);
    }
  }
  return out;
}

/** Those of `known` that are still running (same pid, same start time, not a zombie). */
export function stillRunning(known: Iterable<ProcessInfo>, table: readonly ProcessInfo[] = listProcesses()): ProcessInfo[] {
  const live = new Map(table.filter((p) => !p.zombie).map((p) => [p.pid, p.started]));
  return [...known].filter((p) => live.get(p.pid) === p.started);
}

/** Sends a signal; false when the process is already gone. */
export function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kills every descendant of `root`. The tree is frozen first (SIGSTOP, repeated until no new process
 * appears), so nothing in it can start another process, or orphan one, while it is being killed.
 */
export function killTree(root: number): ProcessInfo[] {
  const frozen = new Map<number, ProcessInfo>();
  for (;;) {
    // A process that is gone by now (such as the `ps` that listed itself) needs no stopping.
    const fresh = descendantsOf(root, listProcesses()).filter((p) => !frozen.has(p.pid) && signal(p.pid, "SIGSTOP"));
    if (fresh.length === 0) break;
    for (const p of fresh) frozen.set(p.pid, p);
  }
  for (const p of frozen.values()) signal(p.pid, "SIGKILL");
  return [...frozen.values()];
}
