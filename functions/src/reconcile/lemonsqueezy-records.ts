import { z } from "zod";
import { invoiceOrderId } from "../webhooks/lemonsqueezy/parse.js";
import { parseWith } from "../webhooks/parse-helpers.js";
import { bodyOf, type SyncPage, type SyncRecord } from "./records.js";

// Lemon Squeezy's API returns an order's attributes exactly as its order webhooks carry them, so a
// listed order becomes the `order_created` (and, once refunded, `order_refunded`) body the webhook
// parser reads. Lemon Squeezy derives no event id; ours is a hash of the event name, the order,
// `updated_at` and `refunded_amount` (webhooks/lemonsqueezy/parse.ts), so a synced order that has
// not changed since lands on the very key its webhook uses: whichever comes second is a duplicate.
// Its API does not return the checkout's custom data, so a sale recorded from it carries no
// referral id (a discount code still credits it, and the owner can re-attribute it). Subscriptions
// and their invoices are read the same way, as `subscription_created` and
// `subscription_payment_success`/`_refunded`: a renewal is credited through its subscription's
// link to its first order, under the recurring policy, as when its webhook comes.

const id = z.union([z.string().min(1), z.number().int()]).transform(String);

/** JSON:API list: `data`, `links.next` (absent on the last page), `meta.page`. */
export const jsonApiListSchema = z.object({
  data: z.array(z.object({ type: z.string(), id, attributes: z.record(z.string(), z.unknown()) })),
  links: z.object({ next: z.string().nullish() }).loose().optional(),
  meta: z.object({ page: z.object({ currentPage: z.number().int(), lastPage: z.number().int() }).loose() }).loose().optional(),
});

const listedOrder = z.object({
  status: z.string(),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  refunded_amount: z.number().int().nonnegative().default(0),
  test_mode: z.boolean().optional(),
});

/** Orders that never became a sale: no webhook would have announced them either. */
const NOT_SOLD = new Set(["pending", "failed", "fraudulent"]);

type Resource = { type: string; id: string; attributes: Record<string, unknown> };

/** The webhook bodies a resource's events would have carried, named in order. */
function bodiesOf(resource: Resource, testMode: boolean | undefined, eventNames: readonly string[]): Buffer[] {
  const data = { type: resource.type, id: resource.id, attributes: resource.attributes };
  return eventNames.map((name) => bodyOf({ meta: { event_name: name, ...(testMode === undefined ? {} : { test_mode: testMode }) }, data }));
}

export function orderRecord(order: Resource): SyncRecord | null {
  const attributes = parseWith(listedOrder, order.attributes, `Lemon Squeezy order ${order.id}`);
  if (NOT_SOLD.has(attributes.status)) return null;
  const events = attributes.refunded_amount > 0 ? ["order_created", "order_refunded"] : ["order_created"];
  return { orderId: order.id, updatedAt: attributes.updated_at, createdAt: attributes.created_at, bodies: bodiesOf(order, attributes.test_mode, events) };
}

const listedSubscription = z.object({
  order_id: id,
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  test_mode: z.boolean().optional(),
});

/** A subscription as its `subscription_created`: it links the subscription to its first order. */
export function subscriptionRecord(sub: Resource): SyncRecord {
  const attributes = parseWith(listedSubscription, sub.attributes, `Lemon Squeezy subscription ${sub.id}`);
  return {
    orderId: attributes.order_id,
    subscriptionId: sub.id,
    updatedAt: attributes.updated_at,
    createdAt: attributes.created_at,
    bodies: bodiesOf(sub, attributes.test_mode, ["subscription_created"]),
  };
}

const listedInvoice = z.object({
  status: z.string(),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  refunded_amount: z.number().int().nonnegative().default(0),
  test_mode: z.boolean().optional(),
});

/** Invoices never paid: no payment webhook would have announced them. */
const NOT_PAID = new Set(["pending", "void"]);

/**
 * A subscription invoice as its `subscription_payment_success` (and, once refunded,
 * `subscription_payment_refunded`). The parser leaves the first payment's invoice to its order.
 */
export function invoiceRecord(invoice: Resource): SyncRecord | null {
  const attributes = parseWith(listedInvoice, invoice.attributes, `Lemon Squeezy subscription invoice ${invoice.id}`);
  if (NOT_PAID.has(attributes.status)) return null;
  const events = attributes.refunded_amount > 0 ? ["subscription_payment_success", "subscription_payment_refunded"] : ["subscription_payment_success"];
  return { orderId: invoiceOrderId(invoice.id), updatedAt: attributes.updated_at, createdAt: attributes.created_at, bodies: bodiesOf(invoice, attributes.test_mode, events) };
}

/**
 * Lemon Squeezy lists orders, subscriptions and invoices newest first (by `created_at`): once one
 * was created before `from`, later pages hold only older ones.
 */
function newestFirstPage(json: unknown, from: string, what: string, recordOf: (resource: Resource) => SyncRecord | null): SyncPage {
  const list = parseWith(jsonApiListSchema, json, what);
  const records = list.data.flatMap((resource) => recordOf(resource) ?? []);
  const reachedFrom = list.data.some((resource) => {
    const created = resource.attributes["created_at"];
    return typeof created === "string" && Date.parse(created) < Date.parse(from);
  });
  const next = list.links?.next ?? null;
  return { records, next: reachedFrom ? null : next };
}

export const orderPage = (json: unknown, from: string): SyncPage => newestFirstPage(json, from, "Lemon Squeezy order list", orderRecord);
export const subscriptionPage = (json: unknown, from: string): SyncPage => newestFirstPage(json, from, "Lemon Squeezy subscription list", subscriptionRecord);
export const invoicePage = (json: unknown, from: string): SyncPage => newestFirstPage(json, from, "Lemon Squeezy subscription invoice list", invoiceRecord);

/** `GET /v1/discount-redemptions?filter[order_id]=…`: the code the customer typed. */
export const redemptionListSchema = z.object({
  data: z.array(
    z.object({
      attributes: z.object({ discount_id: id.nullish(), discount_code: z.string().nullish() }).loose(),
    }),
  ),
});

export function discountOfRedemptions(json: unknown): { code: string | null; platformId: string | null } | null {
  const list = parseWith(redemptionListSchema, json, "Lemon Squeezy discount redemptions");
  const first = list.data[0]?.attributes;
  if (!first) return null;
  return { code: first.discount_code ?? null, platformId: first.discount_id ?? null };
}
