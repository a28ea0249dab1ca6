import type { AffiliateRef, ChargebackFact, ParsedEvent, RefundFact, SaleFacts } from "../../domain/types.js";
import { NO_AFFILIATE, normaliseRefValue, readAffiliateRef } from "../affiliate-ref.js";
import { parseWith } from "../parse-helpers.js";
import { parseJsonBody, PayloadError } from "../payload-error.js";
import { isoMinorFromStripe } from "./amounts.js";
import { SUBTOTAL_BASE } from "./net.js";
import {
  chargeSchema,
  checkoutSessionSchema,
  disputeSchema,
  envelopeSchema,
  invoiceSchema,
  type StripeCheckoutSession,
  type StripeInvoice,
} from "./schemas.js";

type Common = { platform: "stripe"; eventKey: string; eventType: string; occurredAt: string };

const iso = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString();

/**
 * Which order a Stripe payment is. A one-off Checkout payment is its PaymentIntent, which its
 * refunds and disputes name too. A subscription payment is its invoice: the Checkout Session that
 * starts a subscription names only its first invoice (never a PaymentIntent), and `invoice.paid`
 * names the invoice, so both land on one order and the first payment is counted once.
 */
export function stripeOrderIdOfCharge(charge: { id: string; invoice?: string | null; payment_intent?: string | null }): string {
  return charge.invoice ?? charge.payment_intent ?? charge.id;
}

/** `client_reference_id` (what Payment Links take from `?client_reference_id=`) first, then `metadata.affiliateId`/`aff`/`ref`. */
function affiliateOf(clientReferenceId: string | null | undefined, metadata: unknown, path: string): AffiliateRef {
  const fromClientReference = normaliseRefValue(clientReferenceId);
  if (fromClientReference !== null) return { value: fromClientReference, field: `${path}.client_reference_id` };
  return readAffiliateRef(metadata, `${path}.metadata`);
}

function sessionSale(common: Common, envelopeCreated: number, session: StripeCheckoutSession, test: boolean): ParsedEvent {
  const type = common.eventType;
  if (session.mode !== "payment" && session.mode !== "subscription") return { ...common, kind: "ignored", reason: `Checkout Session in ${session.mode} mode: no payment` };
  if (session.payment_status === "unpaid") {
    return { ...common, kind: "ignored", reason: "payment not completed yet: checkout.session.async_payment_succeeded records it" };
  }
  if (session.payment_status === "no_payment_required" || session.amount_total === 0) {
    return { ...common, kind: "ignored", reason: "zero-value checkout (free or trial): not a sale" };
  }
  if (session.currency == null || session.amount_total == null) throw new PayloadError(`${type}: a paid session without currency or amount_total`);
  const currency = session.currency;
  const money = (field: string, value: number | null | undefined): number => isoMinorFromStripe(`data.object.${field}`, value ?? 0, currency);
  const grossMinor = money("amount_total", session.amount_total);
  const taxMinor = money("total_details.amount_tax", session.total_details?.amount_tax);
  const shippingMinor = money("total_details.amount_shipping", session.total_details?.amount_shipping);
  // Without the balance transaction (not in the event; enrich.ts reads it when STRIPE_API_KEY is set),
  // the base is what the customer paid after discounts, less tax and shipping: the subtotal after
  // discounts, before tax. Stripe's fee is not deducted.
  const baseMinor = grossMinor - taxMinor - shippingMinor;
  if (baseMinor < 0) throw new PayloadError(`${type}: tax and shipping exceed amount_total`);

  let orderId: string;
  let subscription: SaleFacts["subscription"] = null;
  let soldAt: string;
  if (session.mode === "payment") {
    if (!session.payment_intent) throw new PayloadError(`${type}: a paid session in payment mode without payment_intent`);
    orderId = session.payment_intent;
    soldAt = iso(envelopeCreated);
  } else {
    if (!session.invoice || !session.subscription) throw new PayloadError(`${type}: a paid subscription session without invoice or subscription`);
    orderId = session.invoice;
    subscription = { id: session.subscription, first: true };
    // Its first invoice's `invoice.paid` is the same sale: the earlier time wins when both are
    // merged (orders/facts.ts), and only the session carries `client_reference_id`, so the session
    // is dated when it was opened, which is always before its invoice exists.
    soldAt = iso(session.created);
  }
  const promotion = session.discounts?.find((d) => d.promotion_code != null || d.coupon != null);
  const promotionCode = promotion?.promotion_code;
  const discount: SaleFacts["discount"] =
    promotion === undefined
      ? null
      : typeof promotionCode === "object" && promotionCode !== null
        ? { code: promotionCode.code ?? null, platformId: promotionCode.id }
        : { code: null, platformId: promotionCode ?? promotion.coupon ?? null };
  const sale: SaleFacts = {
    soldAt,
    currency,
    grossMinor,
    taxMinor,
    feeMinor: null,
    baseCurrency: currency,
    baseMinor,
    baseNote: SUBTOTAL_BASE,
    // Checkout events carry no line items; a Payment Link is what a course's product ids can name.
    productId: session.payment_link ?? null,
    productName: null,
    customerId: session.customer ?? null,
    customerEmail: session.customer_details?.email || null,
    customerName: session.customer_details?.name || null,
    affiliate: affiliateOf(session.client_reference_id, session.metadata, "data.object"),
    subscription,
    discount,
  };
  return { ...common, kind: "sale", orderId, test, sale };
}

function invoicePaid(common: Common, envelopeCreated: number, invoice: StripeInvoice, test: boolean): ParsedEvent {
  const details = invoice.parent?.subscription_details ?? invoice.subscription_details;
  const subscriptionId = details?.subscription ?? invoice.subscription ?? null;
  // One-off invoices (Checkout's invoice_creation, say) belong to a sale already recorded from its session.
  if (subscriptionId === null) return { ...common, kind: "ignored", reason: "invoice without a subscription: its sale is recorded from Checkout" };
  if (invoice.amount_paid === 0) return { ...common, kind: "ignored", reason: "zero-value invoice (trial or credit): not a sale" };
  const currency = invoice.currency;
  const grossMinor = isoMinorFromStripe("data.object.amount_paid", invoice.amount_paid, currency);
  const stripeTax = invoice.total_taxes ? invoice.total_taxes.reduce((sum, t) => sum + t.amount, 0) : (invoice.tax ?? 0);
  const taxMinor = isoMinorFromStripe("data.object.tax", stripeTax, currency);
  const baseMinor = grossMinor - taxMinor;
  if (baseMinor < 0) throw new PayloadError("invoice.paid: tax exceeds amount_paid");
  const line = invoice.lines?.data[0];
  const sale: SaleFacts = {
    soldAt: iso(invoice.status_transitions?.paid_at ?? envelopeCreated),
    currency,
    grossMinor,
    taxMinor,
    feeMinor: null,
    baseCurrency: currency,
    baseMinor,
    baseNote: SUBTOTAL_BASE,
    productId: line?.pricing?.price_details?.product ?? line?.price?.product ?? null,
    productName: line?.description || null,
    customerId: invoice.customer ?? null,
    customerEmail: invoice.customer_email || null,
    customerName: invoice.customer_name || null,
    // The subscription's metadata as Stripe copied it onto the invoice, else the invoice's own.
    affiliate: details?.metadata ? readAffiliateRef(details.metadata, invoice.parent ? "data.object.parent.subscription_details.metadata" : "data.object.subscription_details.metadata") : NO_AFFILIATE,
    subscription: { id: subscriptionId, first: invoice.billing_reason === "subscription_create" },
    discount: null,
  };
  if (sale.affiliate.value === null) sale.affiliate = readAffiliateRef(invoice.metadata, "data.object.metadata");
  // Credit is decided when an order's sale is first seen (orders/rules.ts). A subscription's first
  // invoice that names nobody may arrive before its Checkout Session, which carries the
  // client_reference_id: recording it would settle the order as unattributed. The session records it.
  if (sale.subscription?.first && sale.affiliate.value === null) {
    return { ...common, kind: "ignored", reason: "first invoice of a subscription without a reference: its Checkout Session records the sale" };
  }
  return { ...common, kind: "sale", orderId: invoice.id, test, sale };
}

function chargeRefunded(common: Common, object: unknown, test: boolean): ParsedEvent {
  const charge = parseWith(chargeSchema, object, "charge.refunded data.object");
  const refund: RefundFact = {
    refundId: "cumulative",
    mode: "cumulative",
    at: common.occurredAt,
    // `amount_refunded` is the charge's refunded total so far, so a partial refund's redelivery or
    // a later one arriving first leaves the largest, which is the truth.
    grossMinor: isoMinorFromStripe("data.object.amount_refunded", charge.amount_refunded, charge.currency),
    baseMinor: null,
    full: charge.refunded,
    currency: charge.currency,
    baseCurrency: null,
  };
  return { ...common, kind: "refund", orderId: stripeOrderIdOfCharge(charge), test, refund };
}

/** A dispute the seller is answering or Stripe is reviewing: the money is withdrawn. */
const DISPUTE_OPEN = new Set(["needs_response", "under_review"]);

/**
 * Inquiries (`warning_*` statuses) move no money and are ignored. A dispute opened takes the
 * commission back as of its creation; its closing decides: `won` restores it, `lost` keeps it taken.
 * `charge.dispute.updated` matters only when it opens one: an inquiry that escalates to a chargeback
 * keeps its dispute id and was ignored when created. It is the same fact as `created` (same id and
 * time), so both arriving count once; other updates (evidence, `warning_under_review`, a won or lost
 * that `closed` also reports) change no money and are ignored.
 */
function dispute(common: Common, object: unknown, test: boolean): ParsedEvent {
  const d = parseWith(disputeSchema, object, `${common.eventType} data.object`);
  if (d.status.startsWith("warning_")) return { ...common, kind: "ignored", reason: `dispute ${d.status}: an inquiry, no money moved` };
  const orderId = d.payment_intent ?? d.charge;
  let chargeback: ChargebackFact;
  if (common.eventType === "charge.dispute.created" || (common.eventType === "charge.dispute.updated" && DISPUTE_OPEN.has(d.status))) {
    chargeback = { chargebackId: `${d.id}:opened`, state: "open", at: iso(d.created) };
  } else if (common.eventType === "charge.dispute.updated") {
    return { ...common, kind: "ignored", reason: `dispute updated (${d.status}): no money moved; charge.dispute.closed decides` };
  } else if (d.status === "won" || d.status === "lost") {
    chargeback = { chargebackId: `${d.id}:closed`, state: d.status === "won" ? "reversed" : "open", at: common.occurredAt };
  } else {
    return { ...common, kind: "ignored", reason: `dispute closed as ${d.status}` };
  }
  return { ...common, kind: "chargeback", orderId, test, chargeback };
}

export function parseStripeEvent(rawBody: string | Buffer): ParsedEvent {
  const envelope = parseWith(envelopeSchema, parseJsonBody(rawBody, "Stripe event"), "Stripe event");
  const common: Common = { platform: "stripe", eventKey: envelope.id, eventType: envelope.type, occurredAt: iso(envelope.created) };
  // Test-mode (and sandbox) events are recorded as test orders that earn nothing.
  const test = !envelope.livemode;
  const object = envelope.data.object;
  switch (envelope.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return sessionSale(common, envelope.created, parseWith(checkoutSessionSchema, object, `${envelope.type} data.object`), test);
    case "checkout.session.async_payment_failed":
      return { ...common, kind: "ignored", reason: "asynchronous payment failed: no sale" };
    case "invoice.paid":
      return invoicePaid(common, envelope.created, parseWith(invoiceSchema, object, "invoice.paid data.object"), test);
    case "charge.refunded":
      return chargeRefunded(common, object, test);
    case "charge.dispute.created":
    case "charge.dispute.updated":
    case "charge.dispute.closed":
      return dispute(common, object, test);
    default:
      return { ...common, kind: "ignored", reason: `event ${envelope.type} is not used` };
  }
}
