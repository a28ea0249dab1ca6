import type { Platform } from "../../../contracts/platforms.js";
import { customerKeyOf } from "../../../contracts/ids.js";
import type { ParsedEvent } from "../domain/types.js";
import { orders } from "./collections.js";
import { db } from "./firestore.js";
import { changeOrderIn } from "./orders.js";

type CustomerEvent = Extract<ParsedEvent, { kind: "customer" }>;

/**
 * Paddle Billing sends the customer's email only in customer events, which may come before or after
 * the sale. The email is kept per customer; orders already recorded for that customer are re-derived
 * so the self-referral check sees it whichever arrived first.
 */
export async function refreshCustomerOrders(platform: Platform, event: CustomerEvent): Promise<void> {
  const firestore = db();
  await firestore
    .collection("customers")
    .doc(customerKeyOf(platform, event.customerId))
    .set({ platform, customerId: event.customerId, email: event.email, name: event.name }, { merge: true });
  const found = await orders().where("platform", "==", platform).where("customerId", "==", event.customerId).get();
  for (const order of found.docs) {
    const { orderId } = order.data();
    await firestore.runTransaction((tx) => changeOrderIn(tx, platform, orderId, {}));
  }
}
