import { createHash } from "node:crypto";
import type { ParsedEvent, RefundFact, SaleFacts } from "../../domain/types.js";
import { readAffiliateRef } from "../affiliate-ref.js";
import { parseWith } from "../parse-helpers.js";
import { parseJsonBody, PayloadError } from "../payload-error.js";
import { envelopeSchema, invoiceSchema, orderSchema, subscriptionSchema, type LemonSqueezyInvoice, type LemonSqueezyOrder } from "./schemas.js";

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
    // The order does not say it starts a subscription: `subscription_created` links the two.
    subscription: null,
    // Lemon Squeezy's webhooks say a discount was used but not which: the code is looked up through
    // its API when the sale is applied (reconcile/discount-codes.ts), when an API key is set.
    discount: order.discount_total > 0 ? { code: null, platformId: null } : null,
  };
  return { ...common, kind: "sale", orderId, test, sale: facts };
}

/**
 * A subscription invoice is kept as an order of its own, apart from Lemon Squeezy's order ids:
 * renewals create no order there.
 */
export const invoiceOrderId = (invoiceId: string): string => `invoice-${invoiceId}`;

/**
 * One payment of a subscription (`subscription_payment_*`). The invoice of the first payment
 * (`billing_reason: initial`) is the order `order_created` already brought, so it is left out;
 * `renewal` and `updated` (a plan change billed at once) are later payments of the subscription.
 */
const PAID_STATUSES = new Set(["paid", "refunded", "partial_refund"]);

function invoiceEvent(common: Common, invoiceId: string, attributes: unknown, customData: unknown, metaTest: boolean): ParsedEvent {
  const invoice: LemonSqueezyInvoice = parseWith(invoiceSchema, attributes, `${common.eventType} data.attributes`);
  if (invoice.billing_reason === "initial") {
    return { ...common, kind: "ignored", reason: "first payment of the subscription: counted from its order_created" };
  }
  const test = metaTest || invoice.test_mode === true;
  const order = { ...common, orderId: invoiceOrderId(invoiceId), test };
  if (common.eventType === "subscription_payment_refunded") {
    const refund: RefundFact = {
      refundId: "cumulative",
      mode: "cumulative",
      at: invoice.refunded_at ?? invoice.updated_at,
      grossMinor: invoice.refunded_amount,
      baseMinor: null,
      full: false,
      currency: invoice.currency,
      baseCurrency: null,
    };
    return { ...order, kind: "refund", refund };
  }
  // Refunded since (a record read later, through the API): still a payment, its refund apart.
  if (!PAID_STATUSES.has(invoice.status)) return { ...common, kind: "ignored", reason: `invoice status is ${invoice.status}` };
  if (invoice.total === 0) return { ...common, kind: "ignored", reason: "zero-value invoice: not a sale" };
  const baseMinor = invoice.subtotal_usd - invoice.discount_total_usd;
  if (baseMinor < 0) throw new PayloadError(`${common.eventType}: discount_total_usd exceeds subtotal_usd`);
  const sale: SaleFacts = {
    soldAt: invoice.created_at,
    currency: invoice.currency,
    grossMinor: invoice.total,
    taxMinor: invoice.tax,
    feeMinor: null,
    baseCurrency: "USD",
    baseMinor,
    // The invoice names no product: the subscription's is shown.
    productId: null,
    productName: null,
    customerId: invoice.customer_id ?? null,
    customerEmail: invoice.user_email || null,
    customerName: invoice.user_name || null,
    affiliate: readAffiliateRef(customData, "meta.custom_data"),
    subscription: { id: invoice.subscription_id, first: false },
    discount: null,
  };
  return { ...order, kind: "sale", sale };
}

function subscriptionCreated(common: Common, subscriptionId: string, attributes: unknown, customData: unknown, metaTest: boolean): ParsedEvent {
  const sub = parseWith(subscriptionSchema, attributes, "subscription_created data.attributes");
  return {
    ...common,
    kind: "subscription",
    test: metaTest || sub.test_mode === true,
    start: {
      subscriptionId,
      firstOrderId: sub.order_id,
      startedAt: sub.created_at,
      productId: sub.product_id ?? null,
      productName: sub.product_name || null,
      affiliate: readAffiliateRef(customData, "meta.custom_data"),
    },
  };
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
  const metaTest = meta.test_mode === true;
  switch (meta.event_name) {
    case "order_created":
    case "order_refunded":
      break;
    case "subscription_created":
      return subscriptionCreated(common, data.id, data.attributes, meta.custom_data, metaTest);
    case "subscription_payment_success":
    case "subscription_payment_refunded":
      return invoiceEvent(common, data.id, data.attributes, meta.custom_data, metaTest);
    default:
      return { ...common, kind: "ignored", reason: `event ${meta.event_name} is not used` };
  }
  const order = parseWith(orderSchema, data.attributes, `${meta.event_name} data.attributes`);
  // Either flag is enough: an affiliate must never earn from a test purchase.
  const test = metaTest || order.test_mode === true;
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
