import { randomInt } from "node:crypto";
import { expect } from "vitest";
import { emptyLedger, readLedgerShard, type LedgerShard } from "../../contracts/ledger.js";
import { isRecord } from "../../contracts/read-fields.js";
import { contributionOf, type Contribution } from "../../functions/src/ledger/contribution.js";
import { addDeltas, diffContributions, flattenTotals } from "../../functions/src/ledger/delta.js";
import { readOrderRecord, type OrderRecord } from "../../functions/src/orders/record.js";
import { readDotenv } from "../../scripts/lib/local-config";
import { post, type SignedRequest } from "../../scripts/lib/webhooks";
import { db, eventually } from "../support/emulator";

// Helpers shared by the ledger and email suites: they read only the orders, mails and ledgers of
// the affiliates and order ids a test made itself.

/**
 * The handler reads its parameters from the environment, as the Functions emulator sets them; like
 * the emulator it says so, which is what lets the local PORTAL_URL through (config/public-url.ts).
 */
export function useFunctionParams(): void {
  const params = readDotenv("functions/.env.local");
  for (const name of ["OWNER_EMAILS", "PORTAL_URL"]) process.env[name] ??= params[name] ?? "";
  process.env.FUNCTIONS_EMULATOR ??= "true";
}

/** Digits only (Lemon Squeezy order ids are numbers), unique enough for a shared database. */
export function orderNumber(): string {
  return `${randomInt(100_000, 999_999)}${randomInt(100_000, 999_999)}`;
}

/**
 * Delivers a webhook as the platforms do: a 5xx is retried with back-off (Paddle and Lemon Squeezy
 * both retry), so a burst that outruns the Functions emulator's worker start-up still ends with every
 * event applied once; what the suites check is that end state. A 4xx is never retried.
 */
export async function postOk(request: SignedRequest, retries = 4): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const res = await post(request);
    const body = await res.text();
    if (res.status < 500 || attempt === retries) {
      expect(res.status, body).toBe(200);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
  }
}

export interface StoredMail {
  id: string;
  kind: string;
  subjectKey: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  createdAtMs: number;
}

/** The mail documents about one order: its sale (`orderKey`) and its refunds (`orderKey/...`). */
export async function mailsOf(orderKey: string): Promise<StoredMail[]> {
  const snap = await db()
    .collection("mail")
    .where("subjectKey", ">=", orderKey)
    .where("subjectKey", "<=", `${orderKey}/\uf8ff`)
    .get();
  return snap.docs
    .map((doc) => {
      const data = doc.data() as {
        kind: string;
        subjectKey: string;
        to: string[];
        message: { subject: string; text: string; html: string };
        createdAt?: { toMillis(): number };
      };
      return {
        id: doc.id,
        kind: data.kind,
        subjectKey: data.subjectKey,
        to: data.to,
        subject: data.message.subject,
        text: data.message.text,
        html: data.message.html,
        createdAtMs: data.createdAt?.toMillis() ?? 0,
      };
    })
    .filter((m) => m.subjectKey === orderKey || m.subjectKey.startsWith(`${orderKey}/`))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.subjectKey.localeCompare(b.subjectKey));
}

/** Waits for exactly `count` mails, then a little longer to be sure no further one arrives. */
export async function settledMails(orderKey: string, count: number, quietMs = 2_500): Promise<StoredMail[]> {
  await eventually(async () => ((await mailsOf(orderKey)).length >= count ? true : undefined), `${count} mails for ${orderKey}`);
  await new Promise((r) => setTimeout(r, quietMs));
  const mails = await mailsOf(orderKey);
  expect(mails.map((m) => m.kind)).toHaveLength(count);
  return mails;
}

export function byKind(mails: readonly StoredMail[], kind: string): StoredMail {
  const found = mails.filter((m) => m.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind} mail, got ${mails.map((m) => m.kind).join(", ")}`);
  return found[0] as StoredMail;
}

export async function readOrder(orderKey: string): Promise<OrderRecord | null> {
  const snap = await db().doc(`orders/${orderKey}`).get();
  return snap.exists ? readOrderRecord(snap.data(), orderKey) : null;
}

/** The contribution the order should have applied, recomputed with the pure functions. */
export function expectedContribution(orderKey: string, order: OrderRecord): Contribution | null {
  return contributionOf(orderKey, order);
}

/** What the trigger last added to the ledger for the order (`commissions/{orderKey}.applied`). */
export async function appliedContribution(orderKey: string): Promise<Contribution | null> {
  const applied: unknown = (await db().doc(`commissions/${orderKey}`).get()).get("applied");
  return isRecord(applied) ? readLedgerShard(applied) : null;
}

/** Waits until the trigger has applied the order as it is now (the projection's `applied` matches). */
export async function ledgerCaughtUp(orderKey: string, check: (order: OrderRecord) => boolean = () => true, timeoutMs = 30_000): Promise<OrderRecord> {
  return eventually(
    async () => {
      const order = await readOrder(orderKey);
      if (!order || !check(order)) return undefined;
      const applied = await appliedContribution(orderKey);
      const expected = expectedContribution(orderKey, order);
      return JSON.stringify(normalize(applied)) === JSON.stringify(normalize(expected)) ? order : undefined;
    },
    `ledger of ${orderKey}`,
    timeoutMs,
  );
}

function normalize(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, normalize(v)]),
  );
}

/** The affiliate's shards as stored (read as the payout report reads them), keyed by document id, zeros dropped. */
export async function storedLedgers(affiliateId: string): Promise<Record<string, LedgerShard>> {
  const snap = await db().collection("ledgers").where("affiliateId", "==", affiliateId).get();
  const out: Record<string, LedgerShard> = {};
  for (const doc of snap.docs) {
    const { affiliateId: id, currency, shard, ...totals } = readLedgerShard(doc.data());
    // Adding the totals to an empty ledger drops the zero keys, as a missing key means zero.
    out[doc.id] = { ...addDeltas(emptyLedger(), flattenTotals(totals)), affiliateId: id, currency, shard };
  }
  return out;
}

/** Σ contributions per shard document, computed with the same pure functions the trigger uses. */
export function sumOfContributions(contributions: ReadonlyArray<Contribution | null>): Record<string, LedgerShard> {
  const out: Record<string, LedgerShard> = {};
  for (const c of contributions) {
    for (const delta of diffContributions(null, c)) {
      const identity = { affiliateId: delta.affiliateId, currency: delta.currency, shard: delta.shard };
      out[delta.ledgerKey] = { ...addDeltas(out[delta.ledgerKey] ?? emptyLedger(), delta.fields), ...identity };
    }
  }
  return out;
}

export const DAY_MS = 86_400_000;
export const daysAgoIso = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString();
