import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { afterEach, describe, expect, test } from "vitest";
import { commandOf, descendantsOf, fromStat, killTree, listProcesses, stillRunning, type ProcessSource } from "./process-tree";

// A child that starts a grandchild in a session of its own, as firebase-tools starts the Java
// emulators, then prints the grandchild's pid.
const PARENT = `
const { spawn } = require("node:child_process");
const grandchild = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "grandchild-marker"], { detached: true, stdio: "ignore" });
console.log(grandchild.pid);
setInterval(() => {}, 1000);
`;

const started: ChildProcess[] = [];

function startFamily(): Promise<{ child: number; grandchild: number }> {
  const child = spawn(process.execPath, ["-e", PARENT], { stdio: ["ignore", "pipe", "inherit"] });
  started.push(child);
  return new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve({ child: child.pid ?? -1, grandchild: Number(chunk.toString().trim()) }));
    child.once("error", reject);
  });
}

afterEach(() => {
  for (const child of started.splice(0)) {
    if (child.pid !== undefined) killTree(child.pid);
    child.kill("SIGKILL");
  }
});

// Every source this machine offers: /proc on Linux, `ps` wherever it is installed (macOS always).
const sources: ProcessSource[] = [
  ...(existsSync("/proc/self/stat") ? (["proc"] as const) : []),
  ...(spawnSync("ps", ["-p", String(process.pid)]).status === 0 ? (["ps"] as const) : []),
];

describe.each(sources)("process tree from %s", (source) => {
  test("finds a grandchild that lives in a session of its own", async () => {
    const { child, grandchild } = await startFamily();
    const pids = descendantsOf(process.pid, listProcesses(source)).map((p) => p.pid);
    expect(pids).toContain(child);
    expect(pids).toContain(grandchild);
    expect(commandOf(grandchild, source)).toContain("grandchild-marker");
  });

  test("killTree kills the descendants, however detached, and nothing else", async () => {
    const { child, grandchild } = await startFamily();
    const known = descendantsOf(process.pid, listProcesses(source)).filter((p) => p.pid === child || p.pid === grandchild);
    expect(stillRunning(known, listProcesses(source))).toHaveLength(2);

    expect(killTree(child).map((p) => p.pid)).toEqual([grandchild]);
    await expect.poll(() => stillRunning(known, listProcesses(source)).map((p) => p.pid), { timeout: 5000 }).toEqual([child]);
  });
});

test("a pid reused by a later process is not the process that was recorded", () => {
  const [self] = listProcesses().filter((p) => p.pid === process.pid);
  expect(self).toBeDefined();
  if (!self) return;
  expect(stillRunning([self])).toEqual([self]);
  expect(stillRunning([{ ...self, started: `${self.started}0` }])).toEqual([]);
});

describe("a line of /proc/PID/stat", () => {
  // Fields after the state, as Linux prints them for a node process: ppid … num_threads (20) … starttime (22).
  const line = (state: string, threads: number) =>
    `4242 (node (firebase)) ${state} 4100 4242 4100 0 -1 4194560 9000 0 0 0 300 40 0 0 20 0 ${threads} 0 123456 1000000 5000`;

  test("reads pid, parent and start time past a command name holding spaces and parentheses", () => {
    expect(fromStat(line("S", 11))).toEqual({ pid: 4242, ppid: 4100, started: "123456", zombie: false });
  });

  test("a killed process whose main thread is a zombie while other threads unwind still holds its ports", () => {
    expect(fromStat(line("Z", 7)).zombie).toBe(false);
  });

  test("a zombie with no thread left has nothing left to stop", () => {
    expect(fromStat(line("Z", 1)).zombie).toBe(true);
    expect(fromStat(line("Z", 0)).zombie).toBe(true);
  });
});
