import { createHash } from "node:crypto";
import type { ParsedEvent, RefundFact, SaleFacts } from "../../domain/types.js";
import { readAffiliateRef } from "../affiliate-ref.js";
import { parseWith } from "../parse-helpers.js";
import { parseJsonBody, PayloadError } from "../payload-error.js";
import { envelopeSchema, orderSchema, type LemonSqueezyOrder } from "./schemas.js";

type Common = { platform: "lemonsqueezy"; eventKey: string; eventType: string; occurredAt: string };

/**
 * Lemon Squeezy sends no event id. `updated_at` and `refunded_amount` are part of the key so that a
 * second partial refund on the same order is a new event, not a duplicate of the first (a key of
 * name + order + created_at, as in YawLabs' webhook sink, drops it).
 */
export function lemonSqueezyEventKey(eventName: string, orderId: string, updatedAt: string, refundedAmount: number | undefined): string {
  const material = [eventName, orderId, updatedAt, refundedAmount === undefined ? "" : String(refundedAmount)].join("|");
  return createHash("sha256").update(material, "utf8").digest("hex");
}

/**
 * Lemon Squeezy reports no fee and pays sellers out in USD, so the best base it gives is the USD
 * subtotal after discount, tax excluded: `subtotal_usd − discount_total_usd`. Its own fee is not
 * deducted (the commission is on the pre-fee net), which the program terms should state.
 */
function sale(common: Common, orderId: string, order: LemonSqueezyOrder, customData: unknown, test: boolean): ParsedEvent {
  if (order.total === 0) return { ...common, kind: "ignored", reason: "zero-value order: not a sale" };
  const baseMinor = order.subtotal_usd - order.discount_total_usd;
  if (baseMinor < 0) throw new PayloadError("order_created: discount_total_usd exceeds subtotal_usd");
  const item = order.first_order_item;
  const facts: SaleFacts = {
    soldAt: order.created_at,
    currency: order.currency,
    grossMinor: order.total,
    taxMinor: order.tax,
    feeMinor: null,
    baseCurrency: "USD",
    baseMinor,
    productId: item?.product_id ?? null,
    productName: item?.product_name ?? null,
    customerId: order.customer_id ?? null,
    customerEmail: order.user_email || null,
    customerName: order.user_name || null,
    affiliate: readAffiliateRef(customData, "meta.custom_data"),
    subscription: null,
    // Lemon Squeezy's webhooks carry no code: reconciliation reads it from the API when configured.
    discount: null,
  };
  return { ...common, kind: "sale", orderId, test, sale: facts };
}

export function parseLemonSqueezyEvent(rawBody: string | Buffer): ParsedEvent {
  const envelope = parseWith(envelopeSchema, parseJsonBody(rawBody, "Lemon Squeezy event"), "Lemon Squeezy event");
  const { meta, data } = envelope;
  const updatedAt = data.attributes.updated_at;
  const common: Common = {
    platform: "lemonsqueezy",
    eventKey: lemonSqueezyEventKey(meta.event_name, data.id, updatedAt, data.attributes.refunded_amount),
    eventType: meta.event_name,
    occurredAt: updatedAt,
  };
  if (meta.event_name !== "order_created" && meta.event_name !== "order_refunded") {
    return { ...common, kind: "ignored", reason: `event ${meta.event_name} is not used` };
  }
  const order = parseWith(orderSchema, data.attributes, `${meta.event_name} data.attributes`);
  // Either flag is enough: an affiliate must never earn from a test purchase.
  const test = meta.test_mode === true || order.test_mode === true;
  if (meta.event_name === "order_created") {
    if (order.status === "failed" || order.status === "fraudulent") {
      return { ...common, kind: "ignored", reason: `order status is ${order.status}` };
    }
    return sale(common, data.id, order, meta.custom_data, test);
  }
  const refund: RefundFact = {
    refundId: "cumulative",
    mode: "cumulative",
    at: order.refunded_at ?? order.updated_at,
    grossMinor: order.refunded_amount,
    baseMinor: null,
    full: false,
    currency: order.currency,
    baseCurrency: null,
  };
  return { ...common, kind: "refund", orderId: data.id, test, refund };
}
