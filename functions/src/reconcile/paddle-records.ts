import { z } from "zod";
import { parseWith } from "../webhooks/parse-helpers.js";
import { bodyOf, type SyncPage, type SyncRecord } from "./records.js";

// Paddle Billing's API returns the same transaction entity its webhooks carry as `data`, so a
// listed transaction becomes a `transaction.completed` body that the webhook parser reads as is.

/** `GET /transactions`: entities in `data`, the cursor in `meta.pagination`. */
export const transactionListSchema = z.object({
  data: z.array(z.unknown()),
  meta: z.object({
    pagination: z.object({ next: z.string().nullish(), has_more: z.boolean() }),
  }),
});

/** What the sync reads beside the parser: which record it is and when it happened. */
const listedTransaction = z.object({
  id: z.string().min(1),
  status: z.string(),
  billed_at: z.string().nullish(),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
});

/** `sync_{transaction id}`: never a Paddle event id (`evt_…`), so it cannot shadow a delivery. */
export const syncEventIdOf = (transactionId: string): string => `sync_${transactionId}`;

/**
 * A completed transaction as the webhook that announced it. The event time is the transaction's
 * `billed_at`: Paddle sends `transaction.completed` after billing, so the webhook's `occurred_at`
 * is at or after it, and since the facts keep the earliest sale time, a late webhook for a synced
 * sale changes nothing.
 */
export function transactionRecord(entity: unknown): SyncRecord | null {
  const txn = parseWith(listedTransaction, entity, "Paddle transaction");
  if (txn.status !== "completed") return null;
  const occurredAt = txn.billed_at ?? txn.created_at;
  const body = { event_id: syncEventIdOf(txn.id), event_type: "transaction.completed", occurred_at: occurredAt, notification_id: null, data: entity };
  return { orderId: txn.id, updatedAt: txn.updated_at, createdAt: txn.created_at, bodies: [bodyOf(body)] };
}

export function transactionPage(json: unknown): SyncPage {
  const list = parseWith(transactionListSchema, json, "Paddle transaction list");
  const records = list.data.flatMap((entity) => transactionRecord(entity) ?? []);
  const { next, has_more } = list.meta.pagination;
  return { records, next: has_more && next ? next : null };
}
