import { createHash } from "node:crypto";
import { getFirestore, Timestamp } from "firebase-admin/firestore";
import { lemonSqueezyEvent, type SignedRequest } from "../lib/webhooks";
import { call, ownerIdToken } from "../../tests/integration/owner/helpers";
import { ADA, daysAgo, GRACE } from "./demo-data";
import { adminApp, postAll } from "./seed";

// Months of history for the demo, so every chart (the affiliate's portal and the owner's overview)
// shows something on a fresh start: sales every few days for six months, a few refunds, a payout,
// and clicks on most of the last 90 days. Everything is deterministic, so two fresh starts look
// the same.

const HISTORY_DAYS = 180;
const CLICK_DAYS = 90;

/** A small deterministic generator (LCG): the same demo on every start. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Lemon Squeezy sales every ~6 days from 6 months ago until 7 weeks ago (the demo's own sales cover the rest). */
export function historyEvents(): SignedRequest[] {
  const random = generator(17);
  const sales: SignedRequest[] = [];
  const refunds: SignedRequest[] = [];
  const prices = [4_900, 9_900, 14_900];
  const affiliates = [ADA.id, GRACE.id, ADA.id, null] as const;
  let n = 0;
  for (let day = HISTORY_DAYS; day >= 50; day -= 4 + Math.floor(random() * 5)) {
    n++;
    const orderId = String(2000 + n);
    const affiliateId = affiliates[n % affiliates.length] ?? null;
    const subtotalMinor = prices[Math.floor(random() * prices.length)] ?? 9_900;
    const product = random() < 0.6 ? { productId: "1", productName: "TypeScript from Scratch" } : { productId: "2", productName: "React in Depth" };
    const createdAt = daysAgo(day);
    sales.push(lemonSqueezyEvent("order_created", { orderId, affiliateId, subtotalMinor, createdAt, ...product }));
    // About one sale in seven is refunded, in full or in part, a few days later.
    if (n % 7 === 3) {
      const refundedMinor = n % 2 === 0 ? subtotalMinor : Math.round(subtotalMinor / 2);
      refunds.push(lemonSqueezyEvent("order_refunded", { orderId, affiliateId, subtotalMinor, refundedMinor, createdAt, updatedAt: daysAgo(day - 3), ...product }));
    }
  }
  return [...sales, ...refunds];
}

/**
 * Clicks on the last 90 days for the two active affiliates. The click endpoint only counts today,
 * so past days are written as the visit documents it writes, one per visitor and day; the click
 * fold (the onVisitWritten trigger, as in production) counts them into the portal's and the
 * overview's counters.
 */
export async function seedClicks(now = Date.now()): Promise<number> {
  const db = getFirestore(adminApp());
  const random = generator(42);
  const batch = db.batch();
  let visits = 0;
  for (const [affiliateId, weight] of [[ADA.id, 3], [GRACE.id, 2]] as const) {
    for (let day = CLICK_DAYS - 1; day >= 0; day--) {
      const visitors = Math.floor(random() * weight);
      const at = new Date(now - day * 86_400_000);
      const dayKey = at.toISOString().slice(0, 10);
      for (let i = 0; i < visitors; i++) {
        const visitor = createHash("sha256").update(`demo:${affiliateId}:${dayKey}:${i}`).digest("hex").slice(0, 32);
        const redirect = 1 + Math.floor(random() * 3);
        batch.create(db.doc(`visits/${affiliateId}_${dayKey}_${visitor}`), {
          affiliateId,
          courseId: random() < 0.6 ? "typescript" : "react",
          day: dayKey,
          visitor,
          ipPrefix: "203.0.113.0",
          ua: "desktop",
          page: null,
          redirect,
          beacon: 0,
          clicks: redirect,
          requestIds: [`demo-${visitor}`],
          firstAt: Timestamp.fromDate(at),
          lastAt: Timestamp.fromDate(at),
          expireAt: Timestamp.fromMillis(at.getTime() + CLICK_DAYS * 86_400_000),
        });
        visits++;
      }
    }
  }
  await batch.commit();
  return visits;
}

/** One payout to Ada of everything payable in USD, recorded through the owner's callable as the console does. */
export async function seedPayout(): Promise<void> {
  const { idToken } = await ownerIdToken();
  const result = await call("recordPayout", { affiliateId: ADA.id, currency: "USD", method: "PayPal", reference: "Demo payout", idempotencyKey: "demo-payout-ada-1" }, idToken);
  if (result.error) throw new Error(`seeding the payout failed: ${result.error} ${result.message ?? ""}`);
}

/** The history after the demo's own orders: older sales and refunds, then the payout, then clicks. */
export async function seedHistory(): Promise<void> {
  await postAll(historyEvents());
  await seedPayout();
  await seedClicks();
}
