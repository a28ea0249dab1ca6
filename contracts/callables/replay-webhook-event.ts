import { z } from "zod";

/** `webhookEvents/{id}` ids: the platform, an underscore and the event key, never a path. */
export const replayWebhookEventInput = z.strictObject({ eventId: z.string().min(3).max(300).regex(/^[A-Za-z0-9_.:-]+$/) });

/**
 * What the replay did: `applied` (or `ignored`, `customer`, `duplicate`) and the event leaves the
 * failed list; `failed` when its body still does not parse, `error` when applying it failed: both
 * keep it failed with `detail` saying why.
 */
export const replayWebhookEventOutput = z.object({
  eventId: z.string(),
  outcome: z.enum(["applied", "duplicate", "ignored", "customer", "skipped", "failed", "error"]),
  detail: z.string().nullable(),
});
