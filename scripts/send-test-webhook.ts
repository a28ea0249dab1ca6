import { orderKeyOf } from "../contracts/ids";
import { lemonSqueezyEvent, post } from "./lib/webhooks";
import { ADA } from "./seed/demo-data";

// `npm run webhook:test`: one signed Lemon Squeezy sale for the demo affiliate Ada, through Hosting.
async function main(): Promise<void> {
  const orderId = String(Date.now());
  const res = await post(lemonSqueezyEvent("order_created", { orderId, affiliateId: ADA.id, subtotalMinor: 9700 }));
  console.log(`POST /webhooks/lemonsqueezy → ${res.status} ${await res.text()}`);
  console.log(`Order ${orderKeyOf("lemonsqueezy", orderId)}: Ada earns $48.50 once the trigger has run (npm run outbox shows the emails).`);
  if (!res.ok) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof TypeError ? "The emulators are not running: start them with `npm start`." : err);
  process.exit(1);
});
