import type { SignedRequest } from "./signed-request";
import { signStripe } from "./webhook-signatures";

// Signed Stripe events for the seed, the tests and `npm run webhook:test`: the objects of Stripe's
// OpenAPI fixtures (fixtures/vendor/stripe) with ids, amounts, times and references changed, in an
// Event envelope. Invoices have no fixture and follow the API reference's fields. Pure: the caller
// says how to read a fixture and which secret signs (stripe-requests.ts wires the repository's).

type Json = Record<string, unknown>;

export interface StripeBuilderSetup {
  /** A file of fixtures/vendor/stripe, parsed. */
  fixture: (name: string) => Json;
  /** The secret that signs when the input names none. */
  secret: () => string;
}

const unix = (iso: string | undefined): number => Math.floor((iso === undefined ? Date.now() : Date.parse(iso)) / 1000);

export interface StripeEnvelopeInput {
  eventId: string;
  /** When Stripe created the event; now by default. */
  at?: string;
  livemode?: boolean;
  /** The signing secret; the emulator's by default. */
  secret?: string;
}

export interface StripeSessionInput extends StripeEnvelopeInput {
  sessionId: string;
  /** Payment mode: the order. */
  paymentIntentId?: string;
  /** Subscription mode: the first invoice (the order) and the subscription. */
  subscription?: { invoiceId: string; subscriptionId: string };
  clientReferenceId?: string | null;
  metadata?: Record<string, string>;
  currency?: string;
  /** In Stripe's units of `currency`. */
  amountTotal: number;
  amountTax?: number;
  amountDiscount?: number;
  promotionCode?: string;
  coupon?: string;
  paymentStatus?: "paid" | "unpaid" | "no_payment_required";
  paymentLink?: string;
  email?: string;
  name?: string;
  /** When the customer opened checkout; `at` by default. */
  createdAt?: string;
  type?: "checkout.session.completed" | "checkout.session.async_payment_succeeded" | "checkout.session.async_payment_failed";
}

export interface StripeInvoiceInput extends StripeEnvelopeInput {
  invoiceId: string;
  subscriptionId: string | null;
  billingReason: "subscription_create" | "subscription_cycle" | "subscription_update" | "manual";
  amountPaid: number;
  tax?: number;
  currency?: string;
  /** The subscription's metadata as Stripe copies it onto the invoice. */
  subscriptionMetadata?: Record<string, string>;
  /** The shape before API version 2025-03-31 (top-level `subscription`, `tax`). */
  legacy?: boolean;
}

export interface StripeChargeInput extends StripeEnvelopeInput {
  chargeId: string;
  paymentIntentId: string | null;
  /** Only on API versions before 2025-03-31. */
  invoiceId?: string;
  amount: number;
  /** Refunded so far, cumulative. */
  amountRefunded: number;
  currency?: string;
}

export interface StripeDisputeInput extends StripeEnvelopeInput {
  disputeId: string;
  chargeId: string;
  paymentIntentId: string | null;
  status: "needs_response" | "under_review" | "won" | "lost" | "warning_needs_response" | "warning_under_review" | "warning_closed";
  amount: number;
  /** When the dispute was opened; `at` by default. */
  createdAt?: string;
}

/** Builders of signed Stripe events, reading fixtures and signing as `setup` says. */
export function stripeBuilders({ fixture, secret: defaultSecret }: StripeBuilderSetup) {
  /** The event around `object`, signed at the current time. */
  function stripeEvent(type: string, object: Json, input: StripeEnvelopeInput): SignedRequest {
    const envelope = { ...fixture("event.envelope.openapi-fixture.json"), id: input.eventId, type, created: unix(input.at), livemode: input.livemode ?? true, api_version: "2025-03-31.basil", data: { object } };
    return signedStripe(JSON.stringify(envelope), input.secret ?? defaultSecret());
  }

  function stripeCheckoutSession(input: StripeSessionInput): SignedRequest {
    const tax = input.amountTax ?? 0;
    const discount = input.amountDiscount ?? 0;
    const session: Json = {
      ...fixture("checkout.session.object.openapi-fixture.json"),
      id: input.sessionId,
      object: "checkout.session",
      mode: input.subscription ? "subscription" : "payment",
      status: "complete",
      payment_status: input.paymentStatus ?? "paid",
      created: unix(input.createdAt ?? input.at),
      currency: (input.currency ?? "usd").toLowerCase(),
      amount_subtotal: input.amountTotal - tax + discount,
      amount_total: input.amountTotal,
      total_details: { amount_discount: discount, amount_shipping: 0, amount_tax: tax },
      shipping_cost: null,
      currency_conversion: null,
      client_reference_id: input.clientReferenceId ?? null,
      metadata: input.metadata ?? {},
      customer: "cus_demo_stripe",
      customer_details: { ...(fixture("checkout.session.object.openapi-fixture.json").customer_details as Json), email: input.email ?? "stripe.student@example.com", name: input.name ?? "Stripe Student" },
      payment_intent: input.subscription ? null : (input.paymentIntentId ?? `pi_${input.sessionId}`),
      invoice: input.subscription?.invoiceId ?? null,
      subscription: input.subscription?.subscriptionId ?? null,
      payment_link: input.paymentLink ?? null,
      discounts: input.promotionCode || input.coupon ? [{ coupon: input.coupon ?? null, promotion_code: input.promotionCode ?? null }] : [],
      livemode: input.livemode ?? true,
    };
    return stripeEvent(input.type ?? "checkout.session.completed", session, input);
  }

  function stripeInvoicePaid(input: StripeInvoiceInput): SignedRequest {
    const paidAt = unix(input.at);
    const tax = input.tax ?? 0;
    const details = input.subscriptionId === null ? null : { subscription: input.subscriptionId, metadata: input.subscriptionMetadata ?? {} };
    const invoice: Json = {
      id: input.invoiceId,
      object: "invoice",
      billing_reason: input.billingReason,
      currency: (input.currency ?? "usd").toLowerCase(),
      amount_due: input.amountPaid,
      amount_paid: input.amountPaid,
      amount_remaining: 0,
      subtotal: input.amountPaid - tax,
      total: input.amountPaid,
      total_excluding_tax: input.amountPaid - tax,
      created: paidAt,
      status: "paid",
      status_transitions: { finalized_at: paidAt, paid_at: paidAt },
      customer: "cus_demo_stripe",
      customer_email: "stripe.student@example.com",
      customer_name: "Stripe Student",
      metadata: {},
      livemode: input.livemode ?? true,
      lines: { object: "list", data: [{ id: "il_demo", object: "line_item", description: "1 × Course membership (at $29.00 / month)", amount: input.amountPaid - tax }] },
      ...(input.legacy
        ? { subscription: input.subscriptionId, subscription_details: details ? { metadata: details.metadata } : null, tax }
        : { parent: details ? { type: "subscription_details", subscription_details: details } : null, total_taxes: tax > 0 ? [{ amount: tax, tax_behavior: "exclusive" }] : [] }),
    };
    return stripeEvent("invoice.paid", invoice, input);
  }

  function stripeChargeRefunded(input: StripeChargeInput): SignedRequest {
    const charge: Json = {
      ...fixture("charge.object.openapi-fixture.json"),
      id: input.chargeId,
      amount: input.amount,
      amount_captured: input.amount,
      amount_refunded: input.amountRefunded,
      refunded: input.amountRefunded >= input.amount,
      captured: true,
      currency: (input.currency ?? "usd").toLowerCase(),
      payment_intent: input.paymentIntentId,
      livemode: input.livemode ?? true,
      ...(input.invoiceId ? { invoice: input.invoiceId } : {}),
    };
    return stripeEvent("charge.refunded", charge, input);
  }

  function stripeDispute(type: "charge.dispute.created" | "charge.dispute.updated" | "charge.dispute.closed", input: StripeDisputeInput): SignedRequest {
    const dispute: Json = {
      ...fixture("dispute.object.openapi-fixture.json"),
      id: input.disputeId,
      amount: input.amount,
      charge: input.chargeId,
      payment_intent: input.paymentIntentId,
      status: input.status,
      created: unix(input.createdAt ?? input.at),
      livemode: input.livemode ?? true,
    };
    return stripeEvent(type, dispute, input);
  }

  return { stripeEvent, stripeCheckoutSession, stripeInvoicePaid, stripeChargeRefunded, stripeDispute };
}

/** A Stripe request for exactly this body, signed at `t` (now by default). */
export function signedStripe(body: string, secret: string, t = Math.floor(Date.now() / 1000)): SignedRequest {
  return { path: "/webhooks/stripe", headers: { "content-type": "application/json", "stripe-signature": signStripe(body, secret, t) }, body };
}
