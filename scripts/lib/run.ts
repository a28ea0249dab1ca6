import { spawn, type SpawnOptions } from "node:child_process";
import { repoRoot } from "./paths";

/** Runs a command to completion with inherited output; rejects with its exit code. */
export function run(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export const bin = (name: string): string => `${repoRoot}/node_modules/.bin/${name}`;
