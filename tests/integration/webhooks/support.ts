import type { DocumentReference } from "firebase-admin/firestore";
import { expect } from "vitest";
import type { Platform } from "../../../contracts/platforms";
import { contributionOf } from "../../../functions/src/ledger/contribution";
import type { AffiliateCandidate } from "../../../functions/src/orders/attribution";
import type { DerivedOrder } from "../../../functions/src/orders/derive";
import { readOrderRecord, type OrderRecord } from "../../../functions/src/orders/record";
import { webhookEventKeyOf } from "../../../contracts/ids";
import { readLedgerShard } from "../../../contracts/ledger";
import { isRecord } from "../../../contracts/read-fields";
import { programSettings, type ProgramSettings } from "../../../contracts/program-settings";
import { signLemonSqueezy, signPaddle, signPaddleClassic } from "../../../scripts/lib/webhook-signatures";
import { firstLocalSecret } from "../../../scripts/lib/local-config";
import { expectedLedger, ledgerSum as ledgerSumIn, orderKeyOfRequest, parsedOf, platformOf, predict, type Prediction } from "../../../scripts/lib/order-predictions";
import type { SignedRequest } from "../../../scripts/lib/webhooks";
import { db, eventually, HOSTING } from "../../support/emulator";
import { readFixtureText } from "../../support/fixtures";

// Helpers shared by the webhook integration suites: they post to the real endpoints behind Hosting,
// and compute what the pure modules say the outcome must be, so each test compares the two.

export type Json = Record<string, unknown>;

export { expectedLedger, parsedOf, platformOf, predict, type Prediction };

/** The key of the order a request is about; throws for events about no order. */
export function orderKeyFor(request: SignedRequest): string {
  const key = orderKeyOfRequest(request);
  if (key === null) throw new Error("not an order event");
  return key;
}

/** Σ of an affiliate's ledger shards as `CUR.path` → amount, zeros left out. */
export const ledgerSum = (affiliateId: string): Promise<Record<string, number>> => ledgerSumIn(db(), affiliateId);

export function vendorText(path: string): string {
  return readFixtureText(`vendor/${path}`);
}

export function vendorJson<T = Json>(path: string): T {
  return JSON.parse(vendorText(path)) as T;
}

export const paddleSecret = (): string => firstLocalSecret("PADDLE_WEBHOOK_SECRET");
export const lemonSqueezySecret = (): string => firstLocalSecret("LEMONSQUEEZY_WEBHOOK_SECRET");
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A Paddle Billing request for exactly this body, signed at `ts` with `secret` (the emulator's by default). */
export function paddleRequest(body: string | Json, opts: { ts?: number; secret?: string } = {}): SignedRequest {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const signature = signPaddle(raw, opts.secret ?? paddleSecret(), opts.ts ?? nowSeconds());
  return { path: "/webhooks/paddle", headers: { "content-type": "application/json", "paddle-signature": signature }, body: raw };
}

export function lemonSqueezyRequest(body: string | Json, secret = lemonSqueezySecret()): SignedRequest {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const name = typeof body === "string" ? undefined : (body.meta as Json | undefined)?.event_name;
  const event = typeof name === "string" ? name : "";
  return {
    path: "/webhooks/lemonsqueezy",
    headers: { "content-type": "application/json", "x-event-name": event, "x-signature": signLemonSqueezy(raw, secret) },
    body: raw,
  };
}

export function classicDevKey(): string {
  return readFixtureText("keys/paddle-classic-dev.private.pem");
}

/** Form-encodes the fields with a `p_signature` made with the dev key the emulator trusts. */
export function classicRequest(fields: Record<string, string>): SignedRequest {
  const { p_signature: _dropped, ...unsigned } = fields;
  const body = new URLSearchParams({ ...unsigned, p_signature: signPaddleClassic(unsigned, classicDevKey()) }).toString();
  return { path: "/webhooks/paddle-classic", headers: { "content-type": "application/x-www-form-urlencoded" }, body };
}

/** Changes a signed request's JSON body and signs it again the same way. */
export function resign(request: SignedRequest, mutate: (body: Json) => void): SignedRequest {
  if (request.path === "/webhooks/paddle-classic") {
    const fields = Object.fromEntries(new URLSearchParams(request.body)) as Json;
    mutate(fields);
    return classicRequest(fields as Record<string, string>);
  }
  const body = JSON.parse(request.body) as Json;
  mutate(body);
  return request.path === "/webhooks/paddle" ? paddleRequest(body) : lemonSqueezyRequest(body);
}

export interface Reply {
  status: number;
  text: string;
  json: Json | null;
  headers: Headers;
}

export async function send(request: SignedRequest, init: { method?: string } = {}): Promise<Reply> {
  const res = await fetch(`${HOSTING}${request.path}`, {
    method: init.method ?? "POST",
    headers: request.headers,
    body: init.method === "GET" || init.method === "HEAD" ? undefined : request.body,
  });
  const text = await res.text();
  let json: Json | null = null;
  try {
    json = JSON.parse(text) as Json;
  } catch {
    json = null;
  }
  return { status: res.status, text, json, headers: res.headers };
}

/** Posts and insists on a 200 with the given outcome. */
export async function deliver(request: SignedRequest, outcome?: string): Promise<Reply> {
  const reply = await send(request);
  expect(reply.status, reply.text).toBe(200);
  if (outcome !== undefined) expect(reply.json?.outcome, reply.text).toBe(outcome);
  return reply;
}

export const eventRef = (platform: Platform, eventKey: string) => db().collection("webhookEvents").doc(webhookEventKeyOf(platform, eventKey));
export const eventRefOf = (request: SignedRequest) => eventRef(platformOf(request), parsedOf(request).eventKey);
export const orderRef = (orderKey: string) => db().collection("orders").doc(orderKey);
export const commissionRef = (orderKey: string) => db().collection("commissions").doc(orderKey);

export async function readSettings(): Promise<ProgramSettings> {
  return programSettings((await db().doc("settings/program").get()).data());
}


/**
 * Waits until the order exists and the trigger has caught up with its current version: the
 * commission's `applied` is the contribution of the order as stored (or both are absent).
 */
export async function settled(orderKey: string, timeoutMs = 30_000): Promise<{ order: OrderRecord; commission: Json | null }> {
  return eventually(
    async () => {
      const [orderSnap, commissionSnap] = await Promise.all([orderRef(orderKey).get(), commissionRef(orderKey).get()]);
      if (!orderSnap.exists) return undefined;
      const order = readOrderRecord(orderSnap.data(), orderKey);
      const expected = contributionOf(orderKey, order);
      const stored: unknown = commissionSnap.get("applied");
      const applied = isRecord(stored) ? readLedgerShard(stored) : null;
      if (JSON.stringify(sortKeys(applied)) !== JSON.stringify(sortKeys(expected))) return undefined;
      return { order, commission: commissionSnap.exists ? (commissionSnap.data() as Json) : null };
    },
    `trigger to settle ${orderKey}`,
    timeoutMs,
  );
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Json)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** The derived fields a stored order must share with a prediction. */
export function expectOrderMatches(stored: OrderRecord, predicted: Prediction): void {
  const fields = [
    "status",
    "affiliateId",
    "currency",
    "grossMinor",
    "taxMinor",
    "feeMinor",
    "netMinor",
    "baseCurrency",
    "refundedGrossMinor",
    "refundedBaseMinor",
    "rateBps",
    "originalCommissionMinor",
    "commissionMinor",
    "commissionCurrency",
    "saleAt",
    "payableAt",
    "flag",
    "test",
  ] as const;
  // Stored times are Timestamps (millisecond precision here), so compare instants, not strings.
  const norm = (f: string, v: unknown): unknown => ((f === "saleAt" || f === "payableAt") && typeof v === "string" ? new Date(v).toISOString() : v);
  const pick = (o: DerivedOrder) => Object.fromEntries(fields.map((f) => [f, norm(f, o[f])]));
  expect(pick(stored)).toEqual(pick(predicted.order));
  expect(sortKeys(stored.facts)).toEqual(sortKeys(JSON.parse(JSON.stringify(predicted.facts))));
}

export function candidateOf(affiliate: { id: string; email: string }, rateBps: number | null, status: AffiliateCandidate["status"] = "active"): AffiliateCandidate {
  return { id: affiliate.id, email: affiliate.email, rateBps, status, courseRates: {}, codeOnlyApproval: false };
}

/** Every ordering of the items (n! of them). */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** The document's last update time, or null when it does not exist. */
export async function updateTimeOf(ref: DocumentReference): Promise<string | null> {
  const snap = await ref.get();
  return snap.exists ? `${snap.updateTime?.seconds ?? ""}.${snap.updateTime?.nanoseconds ?? ""}` : null;
}
