import { readFileSync } from "node:fs";
import { join } from "node:path";

// functions/src/webhooks/testing → repository root; lib/ mirrors src/, so this holds when compiled too.
const FIXTURES = join(__dirname, "..", "..", "..", "..", "fixtures");

export function readFixtureText(relativePath: string): string {
  return readFileSync(join(FIXTURES, relativePath), "utf8");
}

export function readFixtureJson(relativePath: string): unknown {
  return JSON.parse(readFixtureText(relativePath));
}
