import { randomInt } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Firestore } from "firebase-admin/firestore";
import { CLICKS_PER_AFFILIATE_PER_MINUTE } from "../../functions/src/clicks/limits";
import { HOSTING_URL, PROJECT_ID, repoRoot } from "./paths";
import { percentile } from "../bench/stats";

// Fake visitors for the click endpoints, shared by the emulator tests and the bench. Requests go
// through Hosting (/c, /r/...) like a browser's.
//
// Client addresses: in production the function behind a Hosting rewrite sees X-Forwarded-For as
// "<whatever the client sent>, <client, appended by Hosting's CDN>, <CDN node, appended by Google's
// front end>" and reads the second entry from the right. The emulators append nothing (the Hosting
// emulator forwards the client's headers unchanged, the Functions emulator adds none), so each fake
// request carries the two entries production appends, written here; what a test "forges" is what
// it puts in front of them. Only there can a real client write; the two entries are the platform's.

/**
 * CLICKS_PER_AFFILIATE_PER_MINUTE as the Functions emulator loads it: functions/.env.local over
 * functions/.env.<project>, over the parameter's default.
 */
export function emulatorAffiliateCeiling(): number {
  let ceiling = CLICKS_PER_AFFILIATE_PER_MINUTE;
  for (const file of [`.env.${PROJECT_ID}`, ".env.local"]) {
    const path = join(repoRoot, "functions", file);
    if (!existsSync(path)) continue;
    const line = /^CLICKS_PER_AFFILIATE_PER_MINUTE=(\d+)\s*$/m.exec(readFileSync(path, "utf8"));
    if (line?.[1] !== undefined) ceiling = Number(line[1]);
  }
  return ceiling;
}

/** A normal desktop browser: HeadlessChrome, curl and Node's fetch are treated as bots. */
export const DESKTOP_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** Stands for the address of the Hosting node that Google's front end appends in production. */
export const GOOGLE_FRONT_END_HOP = "35.191.0.1";

export interface FakeVisitor {
  ip: string;
  userAgent: string;
}

/** `count` visitors with distinct IPs in a random 10.x.0.0/16 of their own, so runs do not share rate caps. */
export function fakeVisitors(count: number): FakeVisitor[] {
  const net = randomInt(0, 256);
  const start = randomInt(0, 65_536 - Math.min(count, 65_536));
  return Array.from({ length: count }, (_, i) => {
    const n = (start + i) % 65_536;
    return { ip: `10.${net}.${n >> 8}.${n & 255}`, userAgent: DESKTOP_UA };
  });
}

/** X-Forwarded-For as it reaches the function in production: `forged` (what the client sent), then the platform's entries. */
export function forwardedFor(visitor: FakeVisitor, forged: readonly string[] = []): string {
  return [...forged, visitor.ip, GOOGLE_FRONT_END_HOP].join(", ");
}

export function visitorHeaders(visitor: FakeVisitor, forged: readonly string[] = []): Record<string, string> {
  return { "user-agent": visitor.userAgent, "x-forwarded-for": forwardedFor(visitor, forged) };
}

/** What t.js sends: a form-encoded beacon. `headers` adds or replaces request headers (forged ones, say). */
export function postBeacon(
  visitor: FakeVisitor,
  affiliateId: string,
  courseId = "",
  { base = HOSTING_URL, headers = {} }: { base?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const body = new URLSearchParams({ a: affiliateId, u: `${base}/sample/course.html`, c: courseId });
  return fetch(`${base}/c`, { method: "POST", body, headers: { ...visitorHeaders(visitor), ...headers } });
}

export function getRedirect(visitor: FakeVisitor, path: string, base = HOSTING_URL, method = "GET"): Promise<Response> {
  return fetch(`${base}${path}`, { method, redirect: "manual", headers: visitorHeaders(visitor) });
}

/** The affiliate's clicks and uniques summed over every stats shard and day: what the portal shows. */
export async function clickTotals(db: Firestore, affiliateId: string): Promise<{ clicks: number; uniques: number }> {
  const snap = await db.collection("clickStats").where("affiliateId", "==", affiliateId).get();
  let clicks = 0;
  let uniques = 0;
  for (const doc of snap.docs) {
    const days = (doc.get("days") ?? {}) as Record<string, { clicks?: number; uniques?: number }>;
    for (const day of Object.values(days)) {
      clicks += day.clicks ?? 0;
      uniques += day.uniques ?? 0;
    }
  }
  return { clicks, uniques };
}

/**
 * Every Firestore write the affiliate's clicks caused, read back from the documents: each recorded
 * click is one write of its visit document (its redirect or beacon count went up by one), and each
 * fold one write of a clickStats day (`folds`). Nothing else is written for a click.
 */
export async function clickWrites(db: Firestore, affiliateId: string): Promise<{ visits: number; folds: number; total: number }> {
  const [visits, stats] = await Promise.all([
    db.collection("visits").where("affiliateId", "==", affiliateId).get(),
    db.collection("clickStats").where("affiliateId", "==", affiliateId).get(),
  ]);
  const count = (value: unknown): number => (typeof value === "number" ? value : 0);
  const visitWrites = visits.docs.reduce((sum, doc) => sum + count(doc.get("redirect")) + count(doc.get("beacon")), 0);
  let folds = 0;
  for (const doc of stats.docs) {
    const days = (doc.get("days") ?? {}) as Record<string, { folds?: unknown }>;
    for (const day of Object.values(days)) folds += count(day.folds);
  }
  return { visits: visitWrites, folds, total: visitWrites + folds };
}

/** Clicks recorded for the affiliate (its visits' redirects and beacons), counted into the stats or not yet. */
export async function recordedClicks(db: Firestore, affiliateId: string): Promise<number> {
  return (await clickWrites(db, affiliateId)).visits;
}

/**
 * Waits until the totals reach `expected` clicks, then a little longer to be sure none are added on
 * top (a double count would show up there). Returns the final totals and when they were reached.
 */
export async function settledTotals(
  db: Firestore,
  affiliateId: string,
  expectedClicks: number,
  { timeoutMs = 60_000, quietMs = 1_500 } = {},
): Promise<{ clicks: number; uniques: number; settleMs: number }> {
  const started = Date.now();
  let totals = await clickTotals(db, affiliateId);
  while (totals.clicks < expectedClicks && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 100));
    totals = await clickTotals(db, affiliateId);
  }
  const settleMs = Date.now() - started;
  await new Promise((r) => setTimeout(r, quietMs));
  return { ...(await clickTotals(db, affiliateId)), settleMs };
}

export interface ClickBurstResult {
  n: number;
  concurrency: number;
  /** Answers that were not 204. */
  failed: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  clicksPerSecond: number;
  /** Clicks and uniques in clickStats once the folds settled. */
  counted: number;
  uniques: number;
  /** From the last answer of the burst to the portal's totals reaching the expected clicks. */
  settleMs: number;
}

/**
 * The Functions emulator starts one worker process per concurrent request, which takes seconds on a
 * busy machine (past Hosting's 60 s proxy timeout when many start at once); production keeps warm
 * instances. So before a timed burst, `concurrency` CORS preflights, which reach the handler but count
 * nothing, are sent at once until every one is answered, leaving that many workers idle and ready.
 */
async function warmClickWorkers(concurrency: number, attempts = 8): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const answers = await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const res = await fetch(`${HOSTING_URL}/c`, { method: "OPTIONS", headers: { origin: "https://course.example" } });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    if (answers.every((status) => status === 204)) return;
    if (attempt === attempts) throw new Error(`click workers did not start: ${answers.join(", ")}`);
  }
}

/**
 * Sends `n` beacons for one active affiliate, each from its own visitor, `concurrency` at a time,
 * through Hosting, timing each answer; then waits for the folds and reads the portal's totals,
 * expecting `expected` clicks in all (the burst plus any the caller sent before).
 */
export async function clickBurst(
  db: Firestore,
  { n, concurrency, affiliateId, expected = n }: { n: number; concurrency: number; affiliateId: string; expected?: number },
): Promise<ClickBurstResult> {
  const visitors = fakeVisitors(n);
  await warmClickWorkers(concurrency);
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const visitor = visitors[i];
      if (visitor === undefined) break;
      const t0 = performance.now();
      const res = await postBeacon(visitor, affiliateId);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 204) failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, n)) }, worker));
  const elapsedS = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const totals = await settledTotals(db, affiliateId, expected);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    n,
    concurrency,
    failed,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    maxMs: round(latencies.at(-1) ?? Number.NaN),
    clicksPerSecond: Math.round((n / elapsedS) * 10) / 10,
    counted: totals.clicks,
    uniques: totals.uniques,
    settleMs: totals.settleMs,
  };
}
