import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { portsInUse } from "../../scripts/lib/ports";
import { signal } from "../../scripts/lib/process-tree";
import { NpmStart } from "./npm-start";

// `npm start` promises that Ctrl-C (or SIGTERM) at any moment stops every process it started within
// 20 s, and that a second Ctrl-C stops at once. Each test starts it for real, interrupts it at one
// moment, and then looks for surviving processes and open emulator ports.

const STOP_WITHIN_MS = 20_000;
const READY = "Affiliate tracking is ready";
// In the Java command line firebase-tools starts the Firestore emulator with (not `java -version`).
const FIRESTORE_EMULATOR = "cloud_firestore";

const runs: NpmStart[] = [];
const dirs: string[] = [];

function start(args: readonly string[] = []): NpmStart {
  const run = new NpmStart(args);
  runs.push(run);
  return run;
}

function keepDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "emulator-data-"));
  dirs.push(dir);
  return dir;
}

/** Waits for `npm start` to exit, then asserts it took less than 20 s and left nothing running. */
async function expectStoppedWithin(run: NpmStart, signalledAt: number, limitMs = STOP_WITHIN_MS): Promise<void> {
  const exitedAt = await Promise.race([run.exited, new Promise<number>((r) => setTimeout(() => r(Number.NaN), limitMs + 10_000))]);
  expect(exitedAt - signalledAt, `npm start had not exited ${limitMs / 1000} s after the signal:\n${run.tail()}`).toBeLessThan(limitMs);
  expect(run.survivors(), `processes left running:\n${run.tail()}`).toEqual([]);
  expect(await portsInUse(), "emulator ports left open").toEqual([]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  expect(await portsInUse(), "these tests start their own emulators: stop `npm start` first").toEqual([]);
});

afterEach(() => {
  for (const run of runs.splice(0)) run.cleanUp();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("npm start stops everything it started", () => {
  test("Ctrl-C while it builds", async () => {
    const run = start();
    await run.waitFor("Building the functions and the portal");
    await run.waitForProcess(undefined); // a build step
    expect(run.output).not.toContain("Starting the emulators");
    await expectStoppedWithin(run, run.ctrlC());
  });

  test("SIGTERM while the emulators start", async () => {
    const run = start();
    await run.waitForProcess(FIRESTORE_EMULATOR);
    expect(run.output).not.toContain("Seeding");
    await expectStoppedWithin(run, run.terminate());
  });

  test("Ctrl-C while it seeds", async () => {
    const run = start();
    await run.waitFor("Seeding the demo program");
    const at = run.ctrlC();
    expect(run.output).not.toContain(READY);
    await expectStoppedWithin(run, at);
  });

  test("with --keep, Ctrl-C once ready exports the data; Ctrl-C before ready leaves it as it was", async () => {
    const dir = keepDir();
    const metadata = join(dir, "firebase-export-metadata.json");

    const first = start([`--keep=${dir}`]);
    await first.waitFor(READY);
    await expectStoppedWithin(first, first.ctrlC());
    expect(first.output).toContain("Export complete");
    const exportedAt = statSync(metadata).mtimeMs;

    const second = start([`--keep=${dir}`]);
    await second.waitForProcess(FIRESTORE_EMULATOR);
    await expectStoppedWithin(second, second.ctrlC());
    expect(second.output).not.toContain("Exporting data");
    expect(statSync(metadata).mtimeMs).toBe(exportedAt);
  });

  // firebase-tools frozen (SIGSTOP) stands for one that hangs while it stops: only our own killing
  // can end it then.
  test("SIGTERM once ready, firebase-tools hanging: killed within 20 s", async () => {
    const run = start();
    await run.waitFor(READY);
    signal(await run.waitForProcess("emulators:start"), "SIGSTOP");
    await expectStoppedWithin(run, run.terminate());
    expect(run.output).toMatch(/Killed \d+ process/);
  });

  test("a second Ctrl-C stops at once, firebase-tools hanging", async () => {
    const run = start();
    await run.waitFor(READY);
    signal(await run.waitForProcess("emulators:start"), "SIGSTOP");
    run.ctrlC();
    await run.waitFor("press Ctrl-C again");
    await sleep(1000);
    expect(run.hasExited).toBe(false);
    await expectStoppedWithin(run, run.ctrlC(), 3_000);
    expect(run.output).toContain("Stopping at once");
  });
});
