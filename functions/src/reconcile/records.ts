/**
 * One order (or refund, subscription, invoice) as a platform's API lists it, turned into the bodies its webhooks would have sent, so a
 * synced record goes through the same store, parse and apply as a delivery (webhooks/receipt.ts).
 */
export interface SyncRecord {
  orderId: string;
  /** Set for a subscription's start: whether it is recorded is read from its subscription. */
  subscriptionId?: string;
  /**
   * When the platform last changed the record: the next sync starts from the latest one seen. Null
   * for a record of a list not read by change time (Paddle adjustments), which must not move it.
   */
  updatedAt: string | null;
  /** When the order was placed (Lemon Squeezy lists newest first: the walk stops before `from`). */
  createdAt: string;
  /** Webhook-shaped JSON bodies, sale first. */
  bodies: Buffer[];
}

export interface SyncPage {
  records: SyncRecord[];
  /** The next page's URL, or null when this was the last one the run needs. */
  next: string | null;
}

export const bodyOf = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), "utf8");
