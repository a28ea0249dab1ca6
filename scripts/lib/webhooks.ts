import { readFileSync } from "node:fs";
import { join } from "node:path";
import { signLemonSqueezy, signPaddle, signPaddleClassic } from "./webhook-signatures";
import { firstLocalSecret } from "./local-config";
import { HOSTING_URL, repoRoot } from "./paths";
import type { SignedRequest } from "./signed-request";

// Builders of signed platform requests, made from the real vendor payloads in fixtures/vendor with
// only the ids, amounts, dates and custom data changed. Seed, tests, bench and
// `npm run webhook:test` all post these to the real endpoints.

export type { SignedRequest } from "./signed-request";

const fixture = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repoRoot, "fixtures", "vendor", path), "utf8")) as Record<string, unknown>;

const clone = <T>(value: T): T => structuredClone(value);

export interface LemonSqueezyOrderInput {
  orderId: string;
  affiliateId?: string | null;
  currency?: string;
  subtotalMinor: number;
  taxMinor?: number;
  refundedMinor?: number;
  productId?: string;
  productName?: string;
  email?: string;
  name?: string;
  createdAt?: string;
  updatedAt?: string;
  test?: boolean;
}

export function lemonSqueezyEvent(event: "order_created" | "order_refunded", input: LemonSqueezyOrderInput): SignedRequest {
  const order = clone(fixture("lemonsqueezy/order.after-partial-refund.docs-api-example.json")) as {
    id: string;
    attributes: Record<string, unknown> & { first_order_item: Record<string, unknown> };
  };
  const tax = input.taxMinor ?? 0;
  const refunded = input.refundedMinor ?? 0;
  const createdAt = input.createdAt ?? new Date().toISOString();
  order.id = input.orderId;
  Object.assign(order.attributes, {
    identifier: `demo-${input.orderId}`,
    order_number: Number(input.orderId.replace(/\D/g, "").slice(0, 9) || "1"),
    user_name: input.name ?? "Demo Student",
    user_email: input.email ?? "student@example.com",
    currency: input.currency ?? "USD",
    currency_rate: "1.0000",
    subtotal: input.subtotalMinor,
    setup_fee: 0,
    discount_total: 0,
    tax,
    total: input.subtotalMinor + tax,
    refunded_amount: refunded,
    subtotal_usd: input.subtotalMinor,
    setup_fee_usd: 0,
    discount_total_usd: 0,
    tax_usd: tax,
    total_usd: input.subtotalMinor + tax,
    refunded_amount_usd: refunded,
    status: refunded >= input.subtotalMinor + tax ? "refunded" : "paid",
    refunded: refunded >= input.subtotalMinor + tax,
    refunded_at: refunded > 0 ? (input.updatedAt ?? createdAt) : null,
    created_at: createdAt,
    updated_at: input.updatedAt ?? createdAt,
    test_mode: input.test ?? false,
  });
  Object.assign(order.attributes.first_order_item, {
    order_id: Number(order.attributes.order_number),
    product_id: Number(input.productId ?? "1"),
    product_name: input.productName ?? "TypeScript from Scratch",
    test_mode: input.test ?? false,
  });
  const body = JSON.stringify({
    meta: {
      event_name: event,
      test_mode: input.test ?? false,
      custom_data: input.affiliateId ? { affiliateId: input.affiliateId } : undefined,
    },
    data: order,
  });
  const secret = firstLocalSecret("LEMONSQUEEZY_WEBHOOK_SECRET");
  return {
    path: "/webhooks/lemonsqueezy",
    headers: { "content-type": "application/json", "x-event-name": event, "x-signature": signLemonSqueezy(body, secret) },
    body,
  };
}

export interface LemonSqueezyInvoiceInput {
  invoiceId: string;
  subscriptionId: string;
  affiliateId?: string | null;
  billingReason?: "initial" | "renewal" | "updated";
  subtotalMinor: number;
  refundedMinor?: number;
  createdAt: string;
  updatedAt?: string;
}

/**
 * A subscription invoice event (`subscription_payment_success` / `_refunded`). No vendor sample of
 * one is stored: the attributes are those of the documented subscription-invoice object.
 */
export function lemonSqueezyInvoice(event: "subscription_payment_success" | "subscription_payment_refunded", input: LemonSqueezyInvoiceInput): SignedRequest {
  const refunded = input.refundedMinor ?? 0;
  return signedLemonSqueezy(event, {
    meta: { event_name: event, test_mode: false, custom_data: input.affiliateId ? { affiliateId: input.affiliateId } : undefined },
    data: {
      type: "subscription-invoices",
      id: input.invoiceId,
      attributes: {
        store_id: 1,
        subscription_id: Number(input.subscriptionId),
        customer_id: 1,
        user_name: "Demo Member",
        user_email: "member@example.com",
        billing_reason: input.billingReason ?? "renewal",
        card_brand: "visa",
        card_last_four: "4242",
        currency: "USD",
        currency_rate: "1.00000000",
        status: refunded >= input.subtotalMinor ? "refunded" : "paid",
        refunded: refunded >= input.subtotalMinor,
        refunded_at: refunded > 0 ? (input.updatedAt ?? input.createdAt) : null,
        subtotal: input.subtotalMinor,
        discount_total: 0,
        tax: 0,
        tax_inclusive: false,
        total: input.subtotalMinor,
        refunded_amount: refunded,
        refunded_amount_usd: refunded,
        subtotal_usd: input.subtotalMinor,
        discount_total_usd: 0,
        tax_usd: 0,
        total_usd: input.subtotalMinor,
        created_at: input.createdAt,
        updated_at: input.updatedAt ?? input.createdAt,
        test_mode: false,
      },
    },
  });
}

/** `subscription_created`, sent beside the `order_created` of the subscription's first payment. */
export function lemonSqueezySubscriptionCreated(input: { subscriptionId: string; orderId: string; affiliateId?: string | null; productName?: string; createdAt: string }): SignedRequest {
  return signedLemonSqueezy("subscription_created", {
    meta: { event_name: "subscription_created", test_mode: false, custom_data: input.affiliateId ? { affiliateId: input.affiliateId } : undefined },
    data: {
      type: "subscriptions",
      id: input.subscriptionId,
      attributes: {
        store_id: 1,
        customer_id: 1,
        order_id: Number(input.orderId),
        order_item_id: 1,
        product_id: 1,
        variant_id: 1,
        product_name: input.productName ?? "Membership",
        variant_name: "Monthly",
        user_name: "Demo Member",
        user_email: "member@example.com",
        status: "active",
        cancelled: false,
        renews_at: input.createdAt,
        ends_at: null,
        created_at: input.createdAt,
        updated_at: input.createdAt,
        test_mode: false,
      },
    },
  });
}

function signedLemonSqueezy(event: string, payload: unknown): SignedRequest {
  const body = JSON.stringify(payload);
  const secret = firstLocalSecret("LEMONSQUEEZY_WEBHOOK_SECRET");
  return { path: "/webhooks/lemonsqueezy", headers: { "content-type": "application/json", "x-event-name": event, "x-signature": signLemonSqueezy(body, secret) }, body };
}

export interface PaddleTransactionInput {
  transactionId: string;
  eventId?: string;
  affiliateId?: string | null;
  customerId?: string;
  productId?: string;
  productName?: string;
  /** Customer total (tax included), fee and tax, all in minor units of USD. */
  totalMinor: number;
  taxMinor: number;
  feeMinor: number;
  /** What is left to pay after credits from the customer's balance; `totalMinor` by default. */
  grandTotalMinor?: number;
  occurredAt?: string;
  /** A payment of this subscription (none by default): `origin` `web` starts it, `subscription_recurring` renews it. */
  subscriptionId?: string | null;
  origin?: "web" | "api" | "subscription_recurring" | "subscription_update" | "subscription_charge";
  /** The seller's balance currency (`payout_totals`), with the same amounts; USD by default. */
  payoutCurrency?: string;
}

export function paddleTransactionCompleted(input: PaddleTransactionInput): SignedRequest {
  const event = clone(fixture("paddle-billing/transaction.completed.json")) as Record<string, unknown> & {
    data: Record<string, unknown> & { details: Record<string, Record<string, unknown>>; items: Array<{ price: Record<string, unknown> }> };
  };
  const at = input.occurredAt ?? new Date().toISOString();
  const earnings = input.totalMinor - input.taxMinor - input.feeMinor;
  const totals = {
    subtotal: String(input.totalMinor - input.taxMinor),
    discount: "0",
    tax: String(input.taxMinor),
    total: String(input.totalMinor),
    grand_total: String(input.grandTotalMinor ?? input.totalMinor),
    fee: String(input.feeMinor),
    earnings: String(earnings),
    currency_code: "USD",
  };
  event.event_id = input.eventId ?? `evt_${input.transactionId}`;
  event.occurred_at = at;
  event.notification_id = `ntf_${input.transactionId}`;
  Object.assign(event.data, {
    id: input.transactionId,
    customer_id: input.customerId ?? "ctm_demo_customer",
    custom_data: input.affiliateId ? { affiliateId: input.affiliateId } : null,
    subscription_id: input.subscriptionId ?? null,
    origin: input.origin ?? "web",
    billed_at: at,
    created_at: at,
    updated_at: at,
  });
  Object.assign(event.data.details.totals ?? {}, totals);
  Object.assign(event.data.details.payout_totals ?? {}, totals, { currency_code: input.payoutCurrency ?? "USD" });
  const lineItems = event.data.details.line_items as unknown as Array<{ product: Record<string, unknown> }>;
  for (const item of lineItems) Object.assign(item.product, { id: input.productId ?? "pro_demo_ts", name: input.productName ?? "TypeScript from Scratch" });
  for (const item of event.data.items) item.price.product_id = input.productId ?? "pro_demo_ts";
  return signedPaddle(JSON.stringify(event));
}

export interface PaddleAdjustmentInput {
  adjustmentId: string;
  transactionId: string;
  action: "refund" | "credit" | "credit_reverse" | "chargeback" | "chargeback_reverse";
  status?: "approved" | "pending_approval" | "rejected";
  /** `full` adjusts the transaction's grand total, whatever the totals say. */
  type?: "full" | "partial";
  totalMinor: number;
  /** Negative for a tax adjustment. */
  earningsMinor: number;
  currency?: string;
  payoutCurrency?: string;
  eventType?: "adjustment.created" | "adjustment.updated";
  occurredAt?: string;
}

export function paddleAdjustment(input: PaddleAdjustmentInput): SignedRequest {
  const event = clone(fixture("paddle-billing/adjustment.updated.json")) as Record<string, unknown> & {
    data: Record<string, unknown> & { totals: Record<string, unknown>; payout_totals: Record<string, unknown> };
  };
  const at = input.occurredAt ?? new Date().toISOString();
  const type = input.eventType ?? "adjustment.updated";
  event.event_id = `evt_${input.adjustmentId}_${input.status ?? "approved"}_${type}`;
  event.event_type = type;
  event.occurred_at = at;
  Object.assign(event.data, {
    id: input.adjustmentId,
    transaction_id: input.transactionId,
    action: input.action,
    type: input.type ?? "partial",
    status: input.status ?? "approved",
    currency_code: input.currency ?? "USD",
    updated_at: at,
  });
  Object.assign(event.data.totals, { total: String(input.totalMinor), earnings: String(input.earningsMinor), currency_code: input.currency ?? "USD" });
  Object.assign(event.data.payout_totals, { total: String(input.totalMinor), earnings: String(input.earningsMinor), currency_code: input.payoutCurrency ?? "USD" });
  return signedPaddle(JSON.stringify(event));
}

export function paddleCustomer(customerId: string, email: string, name: string): SignedRequest {
  const event = clone(fixture("paddle-billing/customer.created.json")) as Record<string, unknown> & { data: Record<string, unknown> };
  event.event_id = `evt_customer_${customerId}`;
  Object.assign(event.data, { id: customerId, email, name });
  return signedPaddle(JSON.stringify(event));
}

function signedPaddle(body: string, ts = Math.floor(Date.now() / 1000)): SignedRequest {
  const secret = firstLocalSecret("PADDLE_WEBHOOK_SECRET");
  return { path: "/webhooks/paddle", headers: { "content-type": "application/json", "paddle-signature": signPaddle(body, secret, ts) }, body };
}

export interface PaddleClassicInput {
  alertId: string;
  orderId: string;
  affiliateId?: string | null;
  /** Decimal strings in major units, as Classic sends them. */
  saleGross: string;
  paymentTax: string;
  balanceEarnings: string;
  balanceFee: string;
  email?: string;
  productId?: string;
  productName?: string;
  eventTime?: string;
  /** Sent as `subscription_payment_succeeded` of this subscription; `initialPayment` marks the first. */
  subscription?: { id: string; initialPayment: boolean };
}

export function paddleClassicPayment(input: PaddleClassicInput): SignedRequest {
  const subscription: Record<string, string> = input.subscription ? { alert_name: "subscription_payment_succeeded", subscription_id: input.subscription.id, initial_payment: input.subscription.initialPayment ? "1" : "0" } : {};
  const fields: Record<string, string> = {
    ...(fixture("paddle-classic/payment_succeeded.simplelogin-simulator.json") as Record<string, string>),
    ...subscription,
    alert_id: input.alertId,
    order_id: input.orderId,
    currency: "USD",
    balance_currency: "USD",
    sale_gross: input.saleGross,
    payment_tax: input.paymentTax,
    balance_gross: input.saleGross,
    balance_tax: input.paymentTax,
    balance_earnings: input.balanceEarnings,
    balance_fee: input.balanceFee,
    earnings: input.balanceEarnings,
    fee: input.balanceFee,
    email: input.email ?? "classic.student@example.com",
    product_id: input.productId ?? "3",
    product_name: input.productName ?? "React in Depth",
    quantity: "1",
    passthrough: input.affiliateId ? JSON.stringify({ affiliateId: input.affiliateId }) : "",
    event_time: input.eventTime ?? classicTime(new Date()),
  };
  return signedClassic(fields);
}

export function paddleClassicRefund(input: {
  alertId: string;
  orderId: string;
  grossRefund: string;
  balanceEarningsDecrease: string;
  refundType?: "full" | "partial" | "vat";
  currency?: string;
  eventTime?: string;
}): SignedRequest {
  return signedClassic({
    alert_id: input.alertId,
    alert_name: "payment_refunded",
    order_id: input.orderId,
    currency: input.currency ?? "USD",
    balance_currency: "USD",
    amount: input.grossRefund,
    gross_refund: input.grossRefund,
    balance_gross_refund: input.grossRefund,
    balance_earnings_decrease: input.balanceEarningsDecrease,
    earnings_decrease: input.balanceEarningsDecrease,
    refund_type: input.refundType ?? "partial",
    refund_reason: "requested_by_customer",
    event_time: input.eventTime ?? classicTime(new Date()),
  });
}

function signedClassic(fields: Record<string, string>): SignedRequest {
  const { p_signature: _ignored, ...unsigned } = fields;
  const key = readFileSync(join(repoRoot, "fixtures", "keys", "paddle-classic-dev.private.pem"), "utf8");
  const body = new URLSearchParams({ ...unsigned, p_signature: signPaddleClassic(unsigned, key) }).toString();
  return { path: "/webhooks/paddle-classic", headers: { "content-type": "application/x-www-form-urlencoded" }, body };
}

export const classicTime = (d: Date): string => d.toISOString().slice(0, 19).replace("T", " ");

export async function post(request: SignedRequest, base = HOSTING_URL): Promise<Response> {
  return fetch(`${base}${request.path}`, { method: "POST", headers: request.headers, body: request.body });
}
