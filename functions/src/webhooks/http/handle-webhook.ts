import { logger } from "firebase-functions";
import type { Request } from "firebase-functions/https";
import type { Platform } from "../../../../contracts/platforms.js";
import type { ParsedEvent, VerifyResult } from "../../domain/types.js";
import { ConfigError } from "../../config/runtime.js";
import { recordEvent } from "../../store/webhook-events.js";
import { PayloadError } from "../payload-error.js";

/**
 * Larger than any real notification (Standard Webhooks: usually < 20 KB), small enough that the raw
 * body always fits in its Firestore document (1 MiB) beside the parsed event.
 */
export const MAX_BODY_BYTES = 512 * 1024;

/** What one platform contributes to the pipeline: both steps are pure and never throw for bad input. */
export interface WebhookPlatform {
  platform: Platform;
  verify(rawBody: Buffer, header: (name: string) => string | undefined, nowSeconds: number): VerifyResult;
  /** Throws PayloadError for a body that verified but does not hold what the platform documents. */
  parse(rawBody: Buffer): ParsedEvent;
}

interface Reply {
  status(code: number): Reply;
  set(field: string, value: string): Reply;
  json(body: unknown): void;
}

/**
 * Check → verify → parse → store → apply, as in dub's webhook entry. Nothing is written before the
 * signature holds; a 2xx is sent only once the event is stored and applied, so a failure answers 5xx
 * and the platform retries (the stored event can also be replayed).
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
  let event: ParsedEvent;
  try {
    event = platform.parse(rawBody);
  } catch (err) {
    if (err instanceof PayloadError) {
      res.status(400).json({ error: err.message });
      return;
    }
    throw err;
  }
  try {
    const outcome = await recordEvent(platform.platform, rawBody, event, now());
    res.status(200).json({ ok: true, outcome });
  } catch (err) {
    logger.error("webhook not applied; the platform will retry", { platform: platform.platform, err });
    res.status(500).json({ error: "Stored or processing failed; please retry." });
  }
}
