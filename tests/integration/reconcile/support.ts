import { expect } from "vitest";
import { callables } from "../../../contracts/callables/index";
import type { SyncRun } from "../../../contracts/sync";
import { signLemonSqueezy } from "../../../scripts/lib/webhook-signatures";
import { firstLocalSecret } from "../../../scripts/lib/local-config";
import { lemonSqueezyEvent, paddleAdjustment, paddleTransactionCompleted, type LemonSqueezyOrderInput, type PaddleAdjustmentInput, type PaddleTransactionInput, type SignedRequest } from "../../../scripts/lib/webhooks";
import { settledRun } from "../../support/sync-runs";
import type { LemonSqueezyApiOrder, LemonSqueezyApiResource } from "../../support/vendor-api";
import { call } from "../owner/helpers";

export { settledRun };

// The API records are cut from the same signed webhook builders the other suites use, so a record
// and its webhook describe one sale exactly as the platforms would.

type Json = Record<string, unknown>;

/** Paddle's transaction entity: the API's answer and the webhook's `data` are the same object. */
export function paddleEntity(input: PaddleTransactionInput): Json {
  return (JSON.parse(paddleTransactionCompleted(input).body) as { data: Json }).data;
}

/** Paddle's adjustment entity, likewise the webhook's `data`; created when it was last updated unless said. */
export function paddleAdjustmentEntity(input: PaddleAdjustmentInput, createdAt?: string): Json {
  const { data } = JSON.parse(paddleAdjustment(input).body) as { data: Json };
  return { ...data, created_at: createdAt ?? data["updated_at"] };
}

/** A Lemon Squeezy order as `GET /v1/orders` lists it (no custom data: the API does not return it). */
export function lemonSqueezyOrder(input: LemonSqueezyOrderInput, attributes: Json = {}): LemonSqueezyApiOrder {
  const { data } = JSON.parse(lemonSqueezyEvent("order_created", input).body) as { data: { id: string; attributes: Json } };
  return { type: "orders", id: data.id, attributes: { ...data.attributes, ...attributes } };
}

/** The resource a Lemon Squeezy webhook carries, as its API lists it (subscriptions, invoices). */
export function lemonSqueezyResource(webhook: SignedRequest): LemonSqueezyApiResource {
  const { data } = JSON.parse(webhook.body) as { data: { type: string; id: string; attributes: Json } };
  return { type: data.type, id: data.id, attributes: data.attributes };
}

/** A signed Lemon Squeezy webhook whose order attributes are changed (say, a discount). */
export function lemonSqueezyWebhook(input: LemonSqueezyOrderInput, attributes: Json): SignedRequest {
  const request = lemonSqueezyEvent("order_created", input);
  const body = JSON.parse(request.body) as { data: { attributes: Json } };
  Object.assign(body.data.attributes, attributes);
  const raw = JSON.stringify(body);
  return { ...request, body: raw, headers: { ...request.headers, "x-signature": signLemonSqueezy(raw, firstLocalSecret("LEMONSQUEEZY_WEBHOOK_SECRET")) } };
}

export async function startSync(idToken: string, data: unknown): Promise<{ runIds: string[]; off: string[] }> {
  const result = await call("startSync", data, idToken);
  expect(result.error, result.message ?? "").toBeNull();
  return callables.startSync.output.parse(result.data);
}

/** The runs a `sync` action queued, one a platform, once they have ended. */
export async function settledRuns(ids: readonly string[]): Promise<Record<string, SyncRun>> {
  const runs = await Promise.all(ids.map((id) => settledRun(id)));
  return Object.fromEntries(runs.map((run) => [run.platform, run]));
}
