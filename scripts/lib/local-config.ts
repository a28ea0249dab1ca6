import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths";

const LOCAL_FILES = [
  ["functions/.secret.local.example", "functions/.secret.local"],
  ["functions/.env.local.example", "functions/.env.local"],
] as const;

/** Gives a fresh clone the demo parameters and secrets the emulators read, never overwriting edits. */
export function ensureLocalConfig(): void {
  for (const [example, local] of LOCAL_FILES) {
    const target = join(repoRoot, local);
    if (!existsSync(target)) copyFileSync(join(repoRoot, example), target);
  }
}

/** Reads a dotenv-style file (KEY=value, optional double quotes, `\n` escapes kept as written). */
export function readDotenv(relativePath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(join(repoRoot, relativePath), "utf8").split("\n")) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (!match?.[1]) continue;
    const raw = match[2] ?? "";
    out[match[1]] = raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  }
  return out;
}

/** The secrets the running emulators use, so scripts and tests sign what the functions verify. */
export function localSecrets(): Record<string, string> {
  ensureLocalConfig();
  return readDotenv("functions/.secret.local");
}
