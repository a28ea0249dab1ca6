import { createHash } from "node:crypto";
import type { Platform } from "../../../contracts/platforms.js";
import type { ParsedEvent } from "../domain/types.js";
import { lemonSqueezyEventKey, parseLemonSqueezyEvent } from "./lemonsqueezy/parse.js";
import { envelopeSchema as lemonSqueezyEnvelope } from "./lemonsqueezy/schemas.js";
import { fieldsToRecord } from "./paddle-classic/fields.js";
import { classicFieldsFromBody, parsePaddleClassicEvent } from "./paddle-classic/parse.js";
import { parsePaddleEvent } from "./paddle/parse.js";
import { envelopeSchema as paddleEnvelope } from "./paddle/schemas.js";
import { parseStripeEvent } from "./stripe/parse.js";
import { envelopeSchema as stripeEnvelope } from "./stripe/schemas.js";

// What a verified body becomes, whenever it is read: on arrival and again on every replay, from the
// stored raw body. Pure: the endpoint stores the body first, so nothing here can lose an event.

/** How the endpoint was configured when the event arrived; stored with it so a replay reads it alike. */
export interface Receipt {
  /** PADDLE_ENVIRONMENT=sandbox: every Paddle Billing event is a test event. */
  sandbox: boolean;
}

/** The platform's own event key and type, read leniently: enough to key the stored event even when its body does not parse. */
export interface EventIdentity {
  eventKey: string | null;
  eventType: string | null;
}

function json(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString("utf8"));
  } catch {
    return null;
  }
}

/** The same keys the parsers give their events, so a replayed event lands on the document it was stored under. */
export function identify(platform: Platform, rawBody: Buffer): EventIdentity {
  if (platform === "paddle") {
    const envelope = paddleEnvelope.safeParse(json(rawBody));
    return envelope.success ? { eventKey: envelope.data.event_id, eventType: envelope.data.event_type } : { eventKey: null, eventType: null };
  }
  if (platform === "stripe") {
    const envelope = stripeEnvelope.safeParse(json(rawBody));
    return envelope.success ? { eventKey: envelope.data.id, eventType: envelope.data.type } : { eventKey: null, eventType: null };
  }
  if (platform === "lemonsqueezy") {
    const envelope = lemonSqueezyEnvelope.safeParse(json(rawBody));
    if (!envelope.success) return { eventKey: null, eventType: null };
    const { meta, data } = envelope.data;
    return { eventKey: lemonSqueezyEventKey(meta.event_name, data.id, data.attributes.updated_at, data.attributes.refunded_amount), eventType: meta.event_name };
  }
  const record = fieldsToRecord(classicFieldsFromBody(rawBody));
  const text = (name: string): string | null => (record?.[name] ? record[name] : null);
  return { eventKey: text("alert_id"), eventType: text("alert_name") };
}

/** The key of a stored event: the platform's own, else a hash of the body (so a redelivery still finds it). */
export function storageKey(platform: Platform, rawBody: Buffer): string {
  return identify(platform, rawBody).eventKey ?? `sha256-${createHash("sha256").update(rawBody).digest("hex")}`;
}

/** Throws PayloadError for a body that verified but does not hold what the platform documents. */
export function parseVerified(platform: Platform, rawBody: Buffer, receipt: Receipt): ParsedEvent {
  if (platform === "paddle") return parsePaddleEvent(rawBody, { sandbox: receipt.sandbox });
  if (platform === "lemonsqueezy") return parseLemonSqueezyEvent(rawBody);
  if (platform === "stripe") return parseStripeEvent(rawBody);
  return parsePaddleClassicEvent(classicFieldsFromBody(rawBody));
}
