import { getFirestore } from "firebase-admin/firestore";
import { clickBurst, fakeVisitors, postBeacon } from "../lib/clicks";
import { adminApp } from "../seed/seed";
import { createAffiliate } from "../../tests/support/emulator";

/**
 * Click throughput through Hosting on the running emulators: a burst of beacons from distinct
 * visitors for a throwaway active affiliate, then the exactness check on the portal's counters.
 * `npm run bench` prints the record; `exact` must be "yes".
 */
export async function benchClicks({ n = 300, concurrency = 10 }: { n?: number; concurrency?: number } = {}): Promise<Record<string, string | number>> {
  const db = getFirestore(adminApp());
  const { id: affiliateId } = await createAffiliate();
  // Warm the function instances (and their affiliate cache) outside the measurement, as in steady state;
  // the warm-up visitor's click is part of the expected total.
  const [warm] = fakeVisitors(1);
  if (warm) await (await postBeacon(warm, affiliateId)).arrayBuffer();
  const result = await clickBurst(db, { n, concurrency, affiliateId });
  const expected = n + 1;
  return {
    "clicks: requests": result.n,
    "clicks: concurrency": result.concurrency,
    "clicks: non-204 answers": result.failed,
    "clicks: latency p50 (ms)": result.p50Ms,
    "clicks: latency p95 (ms)": result.p95Ms,
    "clicks: latency max (ms)": result.maxMs,
    "clicks: throughput (clicks/s)": result.clicksPerSecond,
    "clicks: counted / expected": `${result.counted} / ${expected}`,
    "clicks: uniques / expected": `${result.uniques} / ${expected}`,
    "clicks: counters settled after (ms)": result.settleMs,
    "clicks: exact": result.counted === expected && result.uniques === expected && result.failed === 0 ? "yes" : "NO",
  };
}
