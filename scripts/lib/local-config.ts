import { appendFileSync, copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { repoRoot } from "./paths";

const LOCAL_FILES = [
  ["functions/.secret.local.example", "functions/.secret.local"],
  ["functions/.env.local.example", "functions/.env.local"],
] as const;

/**
 * Gives a fresh clone the demo parameters and secrets the emulators read, never overwriting edits.
 * A key added to an example later is appended to an existing local file with the example's value:
 * the emulators would otherwise stop and ask for it.
 */
export function ensureLocalConfig(): void {
  for (const [example, local] of LOCAL_FILES) {
    const target = join(repoRoot, local);
    if (!existsSync(target)) {
      copyFileSync(join(repoRoot, example), target);
      continue;
    }
    const missing = missingLines(readFileSync(join(repoRoot, example), "utf8"), readFileSync(target, "utf8"));
    if (missing.length > 0) appendFileSync(target, `\n# Added from ${example}\n${missing.join("\n")}\n`);
  }
}

/** The `KEY=value` lines of `example` whose key `local` does not set. */
export function missingLines(example: string, local: string): string[] {
  const present = parseEnv(local);
  return example.split("\n").filter((line) => {
    const key = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1];
    return key !== undefined && !(key in present);
  });
}

/** Reads a dotenv file with Node's own parser (the format firebase-tools reads for the emulators). */
export function readDotenv(relativePath: string): NodeJS.Dict<string> {
  return parseEnv(readFileSync(join(repoRoot, relativePath), "utf8"));
}

/** The secrets the running emulators use, so scripts and tests sign what the functions verify. */
export function localSecrets(): NodeJS.Dict<string> {
  ensureLocalConfig();
  return readDotenv("functions/.secret.local");
}

/** The first value of a multi-value secret in functions/.secret.local (one value a line): what test senders sign with. */
export function firstLocalSecret(name: "PADDLE_WEBHOOK_SECRET" | "LEMONSQUEEZY_WEBHOOK_SECRET" | "STRIPE_WEBHOOK_SECRET"): string {
  const first = localSecrets()[name]?.split(/\r?\n/)[0]?.trim();
  if (!first) throw new Error(`functions/.secret.local lacks ${name}.`);
  return first;
}
