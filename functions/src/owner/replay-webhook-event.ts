import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { lemonSqueezyApiKey, stripeApiKey } from "../config/params.js";
import { DomainError } from "../domain/errors.js";
import { replayEvents } from "../webhooks/replay.js";

/** The console's Replay button: parses a stored failed event again and applies it, as `npm run replay` does (with the lookups in Lemon Squeezy's and Stripe's APIs, hence their keys). */
export const replayWebhookEvent = ownerCallable(callables.replayWebhookEvent, async ({ eventId }) => {
  const [result] = await replayEvents({ ids: [eventId], statuses: ["failed", "received"] });
  if (!result) throw new DomainError("not-found", "No such stored event.");
  return { eventId, outcome: result.outcome, detail: result.detail ?? null };
}, { secrets: [lemonSqueezyApiKey, stripeApiKey] });
