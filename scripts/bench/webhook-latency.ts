import { orderKeyOf } from "../../contracts/ids";
import { getFirestore } from "firebase-admin/firestore";
import { adminApp } from "../seed/seed";
import { lemonSqueezyEvent, post } from "../lib/webhooks";
import { ADA } from "../seed/demo-data";
import { percentile } from "./stats";

/** Time from a signed webhook POST to its order document existing, one request at a time. */
export async function benchWebhookToDocument(runs = 10): Promise<{ p50: number; p95: number; first: number }> {
  const db = getFirestore(adminApp());
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const orderId = `bench${Date.now()}${i}`;
    const started = performance.now();
    const res = await post(lemonSqueezyEvent("order_created", { orderId, affiliateId: ADA.id, subtotalMinor: 4900 }));
    if (!res.ok) throw new Error(`webhook failed: ${res.status}`);
    // The 200 is sent only after the order is written, so the document exists now; check it.
    const doc = await db.doc(`orders/${orderKeyOf("lemonsqueezy", orderId)}`).get();
    if (!doc.exists) throw new Error("order document missing after 200");
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), first: samples[0] ?? Number.NaN };
}
