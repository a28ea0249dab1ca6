import { orderKeyOf, subscriptionKeyOf } from "../../../contracts/ids.js";
import type { Platform } from "../../../contracts/platforms.js";
import type { SubscriptionStart } from "../domain/types.js";
import type { SubscriptionRecord } from "../orders/subscription.js";
import { decideSubscriptionStart, startAffiliateToRead } from "../orders/subscription-rules.js";
import { findAffiliate } from "./affiliates.js";
import { orders, subscriptions } from "./collections.js";
import { readIn, type Transaction } from "./firestore.js";
import { candidateOf, rederiveRenewals } from "./orders.js";
import { readProgramSettings } from "./program.js";

export async function readSubscriptionIn(tx: Transaction, platform: Platform, subscriptionId: string): Promise<SubscriptionRecord | null> {
  return (await tx.get(subscriptions().doc(subscriptionKeyOf(platform, subscriptionId)))).data() ?? null;
}

export function writeSubscription(tx: Transaction, sub: SubscriptionRecord): void {
  tx.set(subscriptions().doc(subscriptionKeyOf(sub.platform, sub.subscriptionId)), sub);
}

/**
 * Records a subscription's start reported apart from its first payment (Lemon Squeezy
 * `subscription_created`) and re-derives the renewals that arrived before it, in the caller's
 * transaction.
 */
export async function applySubscriptionStart(tx: Transaction, platform: Platform, start: SubscriptionStart, test: boolean): Promise<void> {
  const [stored, settings, firstOrder] = await Promise.all([
    readSubscriptionIn(tx, platform, start.subscriptionId),
    readProgramSettings(tx),
    tx.get(orders().doc(orderKeyOf(platform, start.firstOrderId))).then((snap) => snap.data() ?? null),
  ]);
  const firstOrderAffiliate = firstOrder && !firstOrder.test ? firstOrder.affiliateId : null;
  const toRead = startAffiliateToRead(start, firstOrderAffiliate);
  const candidate = candidateOf(toRead ? await findAffiliate(toRead, readIn(tx)) : null);
  const after = decideSubscriptionStart({ stored, platform, start, test, firstOrderAffiliate, candidate, programPolicy: settings.recurringPolicy });
  const { orders: renewals, subscription } = await rederiveRenewals(tx, stored, after, null);
  for (const renewal of renewals) tx.set(renewal.ref, renewal.order);
  if (subscription) writeSubscription(tx, subscription);
}
