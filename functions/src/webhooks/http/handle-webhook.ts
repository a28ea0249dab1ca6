import { logger } from "firebase-functions";
import type { Request } from "firebase-functions/https";
import type { Platform } from "../../../../contracts/platforms.js";
import type { ParsedEvent, VerifyResult } from "../../domain/types.js";
import { ConfigError } from "../../config/runtime.js";
import { markFailed, settleEvent, storeArrival } from "../../store/webhook-events.js";
import { withApiFacts } from "./api-facts.js";
import { PayloadError } from "../payload-error.js";
import { identify, parseVerified, storageKey, type Receipt } from "../receipt.js";

/**
 * Larger than any real notification (Standard Webhooks: usually < 20 KB), small enough that the raw
 * body always fits in its Firestore document (1 MiB) beside what is recorded about it.
 */
export const MAX_BODY_BYTES = 512 * 1024;

/** What one platform contributes to the pipeline: checking its signature, and its configuration. */
export interface WebhookPlatform {
  platform: Platform;
  verify(rawBody: Buffer, header: (name: string) => string | undefined, nowSeconds: number): VerifyResult;
  /** Read inside the handler (params are only available there); stored with the event. */
  receipt(): Receipt;
}

interface Reply {
  status(code: number): Reply;
  set(field: string, value: string): Reply;
  json(body: unknown): void;
}

/** A body that does not parse the same way every time it is read is a bug of ours, never a reason to drop it. */
function describeParseError(err: unknown): string {
  if (err instanceof PayloadError) return err.message;
  return `unexpected ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`;
}

/**
 * Check → verify → store → parse → apply. Nothing is written before the signature holds; once it
 * does, the raw body is stored before anything reads it, so a verified event is never lost:
 * - a body that does not parse (an unknown currency, a shape we do not know) is kept `failed` with
 *   the reason and answered 200, since a redelivery of the same bytes fails the same way; the owner
 *   sees it in the console and replays it once an upgrade reads it;
 * - a failure to apply it answers 500, so the platform retries (it is also kept `failed`).
 * A 2xx is sent only once the event is stored and either applied or recorded as failed.
 */
export async function handleWebhook(
  req: Pick<Request, "method" | "rawBody" | "get">,
  res: Reply,
  platform: WebhookPlatform,
  now: () => Date = () => new Date(),
): Promise<void> {
  if (req.method !== "POST") {
    res.set("Allow", "POST").status(405).json({ error: "Use POST." });
    return;
  }
  const rawBody = req.rawBody as Buffer | undefined;
  if (!rawBody || rawBody.length === 0) {
    res.status(400).json({ error: "Empty body." });
    return;
  }
  if (rawBody.length > MAX_BODY_BYTES) {
    res.status(413).json({ error: `Body over ${MAX_BODY_BYTES} bytes.` });
    return;
  }
  let verdict: VerifyResult;
  try {
    verdict = platform.verify(rawBody, (name) => req.get(name) ?? undefined, Math.floor(now().getTime() / 1000));
  } catch (err) {
    // A misconfigured secret (say, the demo one in production): 5xx, so the platform retries once it is set.
    if (!(err instanceof ConfigError)) throw err;
    logger.error(err.message, { platform: platform.platform });
    res.status(500).json({ error: "The webhook secret is not configured." });
    return;
  }
  if (!verdict.ok) {
    logger.warn("webhook rejected", { platform: platform.platform, reason: verdict.reason });
    res.status(verdict.status).json({ error: verdict.reason });
    return;
  }
  const receivedAt = now();
  const receipt = platform.receipt();
  let stored: { id: string; created: boolean };
  try {
    stored = await storeArrival({
      platform: platform.platform,
      eventKey: storageKey(platform.platform, rawBody),
      eventType: identify(platform.platform, rawBody).eventType,
      rawBody,
      sandbox: receipt.sandbox,
      now: receivedAt,
    });
  } catch (err) {
    logger.error("webhook not stored; the platform will retry", { platform: platform.platform, err });
    res.status(500).json({ error: "Could not store the event; please retry." });
    return;
  }
  let event: ParsedEvent;
  try {
    event = parseVerified(platform.platform, rawBody, receipt);
  } catch (err) {
    const error = describeParseError(err);
    try {
      await markFailed(stored.id, "parse", error, receivedAt);
    } catch (markErr) {
      logger.error("webhook stored but its failure not recorded; the platform will retry", { platform: platform.platform, err: markErr });
      res.status(500).json({ error: "Stored, but processing failed; please retry." });
      return;
    }
    logger.error("webhook stored as failed: its body does not parse", { platform: platform.platform, id: stored.id, error });
    res.status(200).json({ ok: true, outcome: "failed", error });
    return;
  }
  try {
    event = await withApiFacts(platform.platform, event);
  } catch (err) {
    logger.error("webhook not applied: a lookup in the platform's API failed; the platform will retry", { platform: platform.platform, err });
    await markFailed(stored.id, "apply", err, receivedAt).catch(() => undefined);
    res.status(500).json({ error: "Stored, but processing failed; please retry." });
    return;
  }
  try {
    const outcome = await settleEvent(stored.id, platform.platform, event, stored.created, receivedAt);
    res.status(200).json({ ok: true, outcome });
  } catch (err) {
    logger.error("webhook not applied; the platform will retry", { platform: platform.platform, err });
    res.status(500).json({ error: "Stored, but processing failed; please retry." });
  }
}
