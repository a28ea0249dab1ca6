import { z } from "zod";
import { parseWith } from "../webhooks/parse-helpers.js";
import { bodyOf, type SyncPage, type SyncRecord } from "./records.js";

// Lemon Squeezy's API returns an order's attributes exactly as its order webhooks carry them, so a
// listed order becomes the `order_created` (and, once refunded, `order_refunded`) body the webhook
// parser reads. Lemon Squeezy derives no event id; ours is a hash of the event name, the order,
// `updated_at` and `refunded_amount` (webhooks/lemonsqueezy/parse.ts), so a synced order that has
// not changed since lands on the very key its webhook uses: whichever comes second is a duplicate.
// Its API does not return the checkout's custom data, so a sale recorded from it carries no
// referral id (a discount code still credits it, and the owner can re-attribute it).

const id = z.union([z.string().min(1), z.number().int()]).transform(String);

/** JSON:API list: `data`, `links.next` (absent on the last page), `meta.page`. */
export const orderListSchema = z.object({
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

export function orderRecord(order: { type: string; id: string; attributes: Record<string, unknown> }): SyncRecord | null {
  const attributes = parseWith(listedOrder, order.attributes, `Lemon Squeezy order ${order.id}`);
  if (NOT_SOLD.has(attributes.status)) return null;
  const data = { type: order.type, id: order.id, attributes: order.attributes };
  const meta = (eventName: string) => ({ event_name: eventName, ...(attributes.test_mode === undefined ? {} : { test_mode: attributes.test_mode }) });
  const bodies = [bodyOf({ meta: meta("order_created"), data })];
  if (attributes.refunded_amount > 0) bodies.push(bodyOf({ meta: meta("order_refunded"), data }));
  return { orderId: order.id, updatedAt: attributes.updated_at, createdAt: attributes.created_at, bodies };
}

/** Orders come newest first: once one was placed before `from`, later pages hold only older ones. */
export function orderPage(json: unknown, from: string): SyncPage {
  const list = parseWith(orderListSchema, json, "Lemon Squeezy order list");
  const records = list.data.flatMap((order) => orderRecord(order) ?? []);
  const reachedFrom = list.data.some((order) => {
    const created = order.attributes["created_at"];
    return typeof created === "string" && Date.parse(created) < Date.parse(from);
  });
  const next = list.links?.next ?? null;
  return { records, next: reachedFrom ? null : next };
}

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
