import { z } from "zod";
import { parseWith } from "../webhooks/parse-helpers.js";
import { bodyOf, type SyncPage, type SyncRecord } from "./records.js";

// Paddle Billing's API returns the same transaction entity its webhooks carry as `data`, so a
// listed transaction becomes a `transaction.completed` body that the webhook parser reads as is.

/** `GET /transactions` and `GET /adjustments`: entities in `data`, the cursor in `meta.pagination`. */
export const paddleListSchema = z.object({
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

/** `sync_{transaction or adjustment id}`: never a Paddle event id (`evt_…`), so it cannot shadow a delivery. */
export const syncEventIdOf = (entityId: string): string => `sync_${entityId}`;

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
  const list = parseWith(paddleListSchema, json, "Paddle transaction list");
  const records = list.data.flatMap((entity) => transactionRecord(entity) ?? []);
  const { next, has_more } = list.meta.pagination;
  return { records, next: has_more && next ? next : null };
}

/** `GET /discounts?code=…`: the discounts Paddle lists for a code (active ones by default). */
const discountListSchema = z.object({
  data: z.array(z.object({ id: z.string().min(1), code: z.string().nullish() }).loose()),
});

/** The id of the discount whose code is `code`, compared without case as checkouts accept it; null when none is. */
export function discountIdOfCode(json: unknown, code: string): string | null {
  const wanted = code.toUpperCase();
  return parseWith(discountListSchema, json, "Paddle discount list").data.find((d) => d.code?.toUpperCase() === wanted)?.id ?? null;
}

/** `GET /adjustments`: the same list shape as transactions. */
const listedAdjustment = z.object({
  id: z.string().min(1),
  transaction_id: z.string().min(1),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
});

/**
 * Paddle lists adjustments by id only (no `updated_at` filter), and its ids grow with creation time,
 * so the sync reads them newest first and stops this many days before `from`: a refund approved
 * after `from` but requested longer ago than this is left to its webhook (or a wider backfill).
 */
export const ADJUSTMENT_LOOKBACK_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * An adjustment (refund, credit, chargeback) as the webhook that announced its current state: the
 * API's entity is the webhook's `data`, and Paddle's `occurred_at` for it is its `updated_at`, so a
 * late webhook for the same state carries the very facts the sync recorded. Which adjustments count
 * (approved refunds, chargebacks not rejected) is the parser's choice, as for a delivery.
 */
export function adjustmentRecord(entity: unknown): SyncRecord {
  const adj = parseWith(listedAdjustment, entity, "Paddle adjustment");
  const eventType = adj.updated_at === adj.created_at ? "adjustment.created" : "adjustment.updated";
  const body = { event_id: syncEventIdOf(adj.id), event_type: eventType, occurred_at: adj.updated_at, notification_id: null, data: entity };
  // Transactions are read from the checkpoint by `updated_at`: an adjustment's time must not move it.
  return { orderId: adj.transaction_id, updatedAt: null, createdAt: adj.created_at, bodies: [bodyOf(body)] };
}

/** Newest first: once one was created before the look-back, later pages hold only older ones. */
export function adjustmentPage(json: unknown, from: string): SyncPage {
  const list = parseWith(paddleListSchema, json, "Paddle adjustment list");
  const records = list.data.map(adjustmentRecord);
  const oldest = Date.parse(from) - ADJUSTMENT_LOOKBACK_DAYS * DAY_MS;
  const reachedFrom = records.some((r) => Date.parse(r.createdAt) < oldest);
  const { next, has_more } = list.meta.pagination;
  return { records, next: has_more && next && !reachedFrom ? next : null };
}
