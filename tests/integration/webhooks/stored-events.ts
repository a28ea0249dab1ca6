// Stored webhook events as the endpoints key them, and the state an older deployment leaves behind:
// shared by the failed-events suite and the console's browser test.
import { createHash } from "node:crypto";
import { webhookEventKeyOf } from "../../../contracts/ids";
import type { Platform } from "../../../contracts/platforms";
import { storageKey } from "../../../functions/src/webhooks/receipt";
import type { SignedRequest } from "../../../scripts/lib/webhooks";
import { db } from "../../support/emulator";
import { resign, type Json } from "./support";

const PLATFORM_OF: Record<string, Platform> = { "/webhooks/paddle": "paddle", "/webhooks/paddle-classic": "paddle-classic", "/webhooks/lemonsqueezy": "lemonsqueezy" };

/** The stored event of a request, found by the key the endpoint gives it (the parser may refuse the body). */
export function storedOf(request: SignedRequest) {
  const platform = PLATFORM_OF[request.path];
  if (!platform) throw new Error(`no platform for ${request.path}`);
  return db().collection("webhookEvents").doc(webhookEventKeyOf(platform, storageKey(platform, Buffer.from(request.body, "utf8"))));
}

/** Sets the sale currency (and, for Paddle, the payout currency too, as a RUB seller paid in RUB would have). */
export function inCurrency(request: SignedRequest, currency: string): SignedRequest {
  return resign(request, (body) => {
    if (request.path === "/webhooks/paddle") {
      const data = body.data as Json;
      data.currency_code = currency;
      const details = data.details as Json;
      (details.totals as Json).currency_code = currency;
      details.payout_totals = null;
    } else if (request.path === "/webhooks/lemonsqueezy") {
      ((body.data as Json).attributes as Json).currency = currency;
    } else {
      body.currency = currency;
    }
  });
}

/**
 * What a version whose table lacked RUB left behind (the case): the verified body stored
 * `failed` at the parse stage. The document is written as the endpoint writes one; the replay then
 * reads the body with the code deployed now, which knows RUB.
 */
export async function storedByAnOlderVersion(request: SignedRequest): Promise<string> {
  const ref = storedOf(request);
  await ref.set({
    platform: "paddle",
    eventKey: storageKey("paddle", Buffer.from(request.body, "utf8")),
    eventType: "transaction.completed",
    receivedAt: new Date(Date.now() - 3_600_000),
    raw: request.body,
    rawSha256: createHash("sha256").update(request.body).digest("hex"),
    sandbox: false,
    status: "failed",
    stage: "parse",
    error: "transaction.completed data: currency_code: unknown currency code",
    failedAt: new Date(Date.now() - 3_600_000),
  });
  return ref.id;
}

