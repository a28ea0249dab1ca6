import { getFirestore } from "firebase-admin/firestore";
import { clickBurst, clickWrites, emulatorAffiliateCeiling, fakeVisitors, postBeacon, settledTotals } from "../lib/clicks";
import { adminApp } from "../seed/seed";
import { createAffiliate } from "../../tests/support/emulator";

const REFUSED = 50;

/**
 * The click endpoints through Hosting on the running emulators. A burst of beacons from distinct
 * visitors for one affiliate: answer times, throughput, the time for the portal's counters to settle,
 * their exactness, and the Firestore writes per counted click. Then, for another affiliate, the
 * ceiling (CLICKS_PER_AFFILIATE_PER_MINUTE) filled one click after another (so one function instance keeps the count, as in production
 * within one instance) and `REFUSED` more: the writes the refused ones cost.
 *
 * Writes are read back from the documents (scripts/lib/clicks.ts, `clickWrites`): each visit write
 * adds exactly one to its visit's redirect or beacon count, and each fold one to its day's `folds`.
 * `npm run bench` prints the record.
 */
export async function benchClicks({ concurrency = 5 }: { concurrency?: number } = {}): Promise<Record<string, string | number>> {
  const db = getFirestore(adminApp());
  // The emulators' ceiling (functions/.env.demo-affiliates): the burst stays within it even if one instance takes it all.
  const ceiling = emulatorAffiliateCeiling();
  const n = ceiling - 1;
  const { id: affiliateId } = await createAffiliate();
  // Warm the function instances (and their affiliate cache) outside the measurement, as in steady state;
  // the warm-up visitor's click is part of the expected total.
  const [warm] = fakeVisitors(1);
  if (warm) await (await postBeacon(warm, affiliateId)).arrayBuffer();
  const expected = n + 1;
  const result = await clickBurst(db, { n, concurrency, affiliateId, expected });
  const burstWrites = await clickWrites(db, affiliateId);
  const refused = await refusedWrites(db, ceiling);
  const perClick = (writes: number, clicks: number) => (clicks === 0 ? "n/a" : (writes / clicks).toFixed(3));
  return {
    "burst: requests": result.n,
    "burst: concurrency": result.concurrency,
    "burst: non-204 answers": result.failed,
    "burst: latency p50 (ms)": result.p50Ms,
    "burst: latency p95 (ms)": result.p95Ms,
    "burst: latency max (ms)": result.maxMs,
    "burst: throughput (clicks/s)": result.clicksPerSecond,
    "burst: counted / expected": `${result.counted} / ${expected}`,
    "burst: uniques / expected": `${result.uniques} / ${expected}`,
    "burst: exact": result.counted === expected && result.uniques === expected && result.failed === 0 ? "yes" : "NO",
    "burst: counters settled after the last answer (ms)": result.settleMs,
    "burst: Firestore writes (visits + folds)": `${burstWrites.total} (${burstWrites.visits} + ${burstWrites.folds})`,
    "burst: Firestore writes per counted click": perClick(burstWrites.total, result.counted),
    [`ceiling: clicks sent for one affiliate (ceiling ${ceiling}/min per instance)`]: refused.sent,
    "ceiling: counted / refused as rate-limited": `${refused.counted} / ${refused.sent - refused.counted}`,
    "ceiling: Firestore writes per counted click": perClick(refused.writes.total, refused.counted),
    "ceiling: Firestore writes per refused click": perClick(refused.writes.visits - refused.counted, refused.sent - refused.counted),
  };
}

/** Fills one affiliate's ceiling and sends REFUSED more, one at a time within one minute. */
async function refusedWrites(db: ReturnType<typeof getFirestore>, ceiling: number) {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 30_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 200));
  const { id } = await createAffiliate();
  const visitors = fakeVisitors(ceiling + REFUSED);
  for (const visitor of visitors) await (await postBeacon(visitor, id)).arrayBuffer();
  const { clicks } = await settledTotals(db, id, ceiling, { quietMs: 3_000 });
  return { sent: visitors.length, counted: clicks, writes: await clickWrites(db, id) };
}
