import type { Platform } from "./platforms.js";

// Every Firestore document id that is derived from business keys, in one place: the functions write
// under these ids, and the portal, tests and scripts find documents by them. Ids made from a hash
// (payouts, mails) stay with the server code that makes them, since the hash needs node:crypto.

const MAX_DOCUMENT_ID_BYTES = 1500;

/**
 * Whether Firestore accepts `value` as a document id: not empty, at most 1,500 bytes of UTF-8, no
 * `/`, not `.` or `..`, and not `__.*__` (reserved). A lookup or write under any other id throws,
 * so an id from outside (a payload, a link) that fails this is refused before it reaches the store.
 */
export function isDocumentId(value: string): boolean {
  if (value === "" || value === "." || value === ".." || value.includes("/")) return false;
  if (/^__.*__$/s.test(value)) return false;
  return new TextEncoder().encode(value).length <= MAX_DOCUMENT_ID_BYTES;
}

/** Firestore ids may not contain `/` and should stay short; platform ids are tame, but be sure. */
export function safeId(value: string): string {
  return value.replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 200);
}

/** `orders/{platform}_{orderId}` and `commissions/{orderKey}`, the order's projection. */
export function orderKeyOf(platform: Platform, orderId: string): string {
  return `${platform}_${orderId}`.replace(/\//g, "_");
}

/** `subscriptions/{platform}_{subscriptionId}`: the credit and policy its later payments follow. */
export function subscriptionKeyOf(platform: Platform, subscriptionId: string): string {
  return `${platform}_${subscriptionId}`.replace(/\//g, "_");
}

/** `customers/{platform}_{customerId}`: the email Paddle Billing sends apart from the sale. */
export function customerKeyOf(platform: Platform, customerId: string): string {
  return `${platform}_${customerId}`.replace(/\//g, "_");
}

/** `webhookEvents/{platform}_{eventKey}`: one document per delivered event, the duplicate check. */
export function webhookEventKeyOf(platform: Platform, eventKey: string): string {
  return safeId(`${platform}_${eventKey}`);
}

/** `ledgers/{affiliateId}_{currency}_{shard}`. */
export function ledgerKeyOf(id: { affiliateId: string; currency: string; shard: number }): string {
  return `${id.affiliateId}_${id.currency}_${id.shard}`;
}

/** `payoutLocks/{affiliateId}_{currency}`: held while a large payout is written in several transactions. */
export function payoutLockKeyOf(affiliateId: string, currency: string): string {
  return `${affiliateId}_${currency}`;
}

/** `payoutRequests/{affiliateId}_{currency}`: the affiliate's latest payout request in that currency, so at most one is open. */
export function payoutRequestKeyOf(affiliateId: string, currency: string): string {
  return `${affiliateId}_${currency}`;
}

/** `visits/{affiliateId}_{day}_{visitor}`: one visitor's clicks for one affiliate on one UTC day. */
export function visitKeyOf(affiliateId: string, day: string, visitor: string): string {
  return `${affiliateId}_${day}_${visitor}`;
}

/** `clickStats/{affiliateId}_{YYYY-MM}_{shard}`, whose days are keyed `DD`. */
export function clickStatsKeyOf(affiliateId: string, day: string, shard: number): { id: string; month: string; dd: string } {
  const month = day.slice(0, 7);
  return { id: `${affiliateId}_${month}_${shard}`, month, dd: day.slice(8, 10) };
}
