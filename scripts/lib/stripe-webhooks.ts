import { readFileSync } from "node:fs";
import { join } from "node:path";
import { firstLocalSecret } from "./local-config";
import { repoRoot } from "./paths";
import { stripeBuilders } from "./stripe-events";

// The Stripe builders with the repository's fixtures and the emulator's signing secret.
export const { stripeEvent, stripeCheckoutSession, stripeInvoicePaid, stripeChargeRefunded, stripeDispute } = stripeBuilders({
  fixture: (name) => JSON.parse(readFileSync(join(repoRoot, "fixtures", "vendor", "stripe", name), "utf8")) as Record<string, unknown>,
  secret: () => firstLocalSecret("STRIPE_WEBHOOK_SECRET"),
});
