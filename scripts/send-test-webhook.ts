import { orderKeyOf } from "../contracts/ids";
import { stripeCheckoutSession } from "./lib/stripe-webhooks";
import { lemonSqueezyEvent, post, type SignedRequest } from "./lib/webhooks";
import { ADA } from "./seed/demo-data";

// `npm run webhook:test`: one signed sale for the demo affiliate Ada, through Hosting: a Lemon
// Squeezy order, or with `-- stripe` a Stripe Checkout Session (a Payment Link sale carrying her id
// as client_reference_id).
async function main(): Promise<void> {
  const id = String(Date.now());
  const stripe = process.argv[2] === "stripe";
  const request: SignedRequest = stripe
    ? stripeCheckoutSession({ eventId: `evt_test_${id}`, sessionId: `cs_test_${id}`, paymentIntentId: `pi_test_${id}`, clientReferenceId: ADA.id, amountTotal: 9700 })
    : lemonSqueezyEvent("order_created", { orderId: id, affiliateId: ADA.id, subtotalMinor: 9700 });
  const res = await post(request);
  console.log(`POST ${request.path} → ${res.status} ${await res.text()}`);
  const orderKey = stripe ? orderKeyOf("stripe", `pi_test_${id}`) : orderKeyOf("lemonsqueezy", id);
  console.log(`Order ${orderKey}: Ada earns $48.50 once the trigger has run (npm run outbox shows the emails).`);
  if (!res.ok) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof TypeError ? "The emulators are not running: start them with `npm start`." : err);
  process.exit(1);
});
