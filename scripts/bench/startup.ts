import { spawn, type ChildProcess } from "node:child_process";
import { repoRoot } from "../lib/paths";
import { bin } from "../lib/run";

export interface RunningSystem {
  coldStartMs: number;
  stop(): Promise<void>;
}

/** Runs `npm start` from cold (build included) and times it to the "ready" banner. */
export async function startSystem(): Promise<RunningSystem> {
  const started = performance.now();
  const child: ChildProcess = spawn(bin("tsx"), ["scripts/start.ts"], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer): void => {
      output += chunk.toString("utf8");
      if (output.includes("Affiliate tracking is ready")) resolve();
      if (output.length > 200_000) output = output.slice(-10_000);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output.slice(-3000)}`)));
  });
  const coldStartMs = performance.now() - started;
  return {
    coldStartMs,
    async stop() {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGINT");
      await exited;
    },
  };
}
