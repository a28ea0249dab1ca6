import { stripeChargeRefunded, stripeCheckoutSession, stripeInvoicePaid } from "../lib/stripe-webhooks";
import type { SignedRequest } from "../lib/webhooks";
import { ADA, GRACE, daysAgo } from "./demo-data";

/**
 * The demo's Stripe purchases: a Payment Link sale credited through `client_reference_id` (partly
 * refunded), and a subscription started through Checkout with one renewal credited through the
 * subscription's metadata.
 */
export function stripeDemoEvents(): SignedRequest[] {
  return [
    stripeCheckoutSession({
      eventId: "evt_demo_stripe_1",
      at: daysAgo(9),
      sessionId: "cs_demo_stripe_1",
      paymentIntentId: "pi_demo_stripe_1",
      paymentLink: "plink_demo_typescript",
      clientReferenceId: ADA.id,
      amountTotal: 11_900,
      amountTax: 1_900,
    }),
    stripeChargeRefunded({ eventId: "evt_demo_stripe_2", at: daysAgo(7), chargeId: "ch_demo_stripe_1", paymentIntentId: "pi_demo_stripe_1", amount: 11_900, amountRefunded: 2_000 }),
    stripeCheckoutSession({
      eventId: "evt_demo_stripe_3",
      at: daysAgo(33),
      sessionId: "cs_demo_stripe_2",
      subscription: { invoiceId: "in_demo_stripe_1", subscriptionId: "sub_demo_stripe_1" },
      clientReferenceId: GRACE.id,
      amountTotal: 2_900,
    }),
    stripeInvoicePaid({
      eventId: "evt_demo_stripe_4",
      at: daysAgo(3),
      invoiceId: "in_demo_stripe_2",
      subscriptionId: "sub_demo_stripe_1",
      billingReason: "subscription_cycle",
      amountPaid: 2_900,
      subscriptionMetadata: { affiliateId: GRACE.id },
    }),
  ];
}
