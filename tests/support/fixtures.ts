import { readFileSync } from "node:fs";
import { join } from "node:path";

// The repository's fixtures/ folder: vendor payloads and the dev signing keys.
const FIXTURES = join(__dirname, "..", "..", "fixtures");

export function readFixtureText(relativePath: string): string {
  return readFileSync(join(FIXTURES, relativePath), "utf8");
}

export function readFixtureJson(relativePath: string): unknown {
  return JSON.parse(readFixtureText(relativePath));
}
