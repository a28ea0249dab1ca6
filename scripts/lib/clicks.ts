import { randomInt } from "node:crypto";
import type { Firestore } from "firebase-admin/firestore";
import { HOSTING_URL } from "./paths";
import { percentile } from "../bench/stats";

// Fake visitors for the click endpoints, shared by the emulator tests and the bench. Requests go
// through Hosting (/c, /r/...) like a browser's; Hosting passes x-forwarded-for on, which the
// functions read as the client IP, so each fake visitor gets its own address.

/** A normal desktop browser: HeadlessChrome, curl and Node's fetch are treated as bots. */
export const DESKTOP_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

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

export function visitorHeaders(visitor: FakeVisitor): Record<string, string> {
  return { "user-agent": visitor.userAgent, "x-forwarded-for": visitor.ip };
}

/** What t.js sends: a form-encoded beacon. */
export function postBeacon(visitor: FakeVisitor, affiliateId: string, courseId = "", base = HOSTING_URL): Promise<Response> {
  const body = new URLSearchParams({ a: affiliateId, u: `${base}/sample/course.html`, c: courseId });
  return fetch(`${base}/c`, { method: "POST", body, headers: visitorHeaders(visitor) });
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

/** Click documents recorded for the affiliate (counted or not yet). */
export async function clickDocs(db: Firestore, affiliateId: string): Promise<number> {
  return (await db.collection("clicks").where("affiliateId", "==", affiliateId).count().get()).data().count;
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
    await new Promise((r) => setTimeout(r, 200));
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
  /** Clicks and uniques in clickStats once the triggers settled; both must equal n. */
  counted: number;
  uniques: number;
  settleMs: number;
}

/**
 * Sends `n` beacons for one active affiliate, each from its own visitor, `concurrency` at a time,
 * through Hosting, timing each answer; then waits for the triggers and reads the portal's totals.
 */
export async function clickBurst(
  db: Firestore,
  { n, concurrency, affiliateId }: { n: number; concurrency: number; affiliateId: string },
): Promise<ClickBurstResult> {
  const visitors = fakeVisitors(n);
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
  const totals = await settledTotals(db, affiliateId, n);
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
