import { randomInt } from "node:crypto";
import { expect } from "vitest";
import { emptyLedger, type LedgerTotals } from "../../contracts/ledger.js";
import { contributionOf, type Contribution } from "../../functions/src/ledger/contribution.js";
import { addDeltas, diffContributions } from "../../functions/src/ledger/delta.js";
import { derivedOf } from "../../functions/src/store/ledger.js";
import type { OrderDoc } from "../../functions/src/store/orders.js";
import { readDotenv } from "../../scripts/lib/local-config";
import { post, type SignedRequest } from "../../scripts/lib/webhooks";
import { db, eventually } from "../support/emulator";

// Helpers shared by the ledger and email suites: they read only the orders, mails and ledgers of
// the affiliates and order ids a test made itself.

/** The handler reads its parameters from the environment, as the Functions emulator sets them. */
export function useFunctionParams(): void {
  const params = readDotenv("functions/.env.local");
  for (const name of ["OWNER_EMAILS", "PORTAL_URL"]) process.env[name] ??= params[name] ?? "";
}

/** Digits only (Lemon Squeezy order ids are numbers), unique enough for a shared database. */
export function orderNumber(): string {
  return `${randomInt(100_000, 999_999)}${randomInt(100_000, 999_999)}`;
}

export async function postOk(request: SignedRequest): Promise<void> {
  const res = await post(request);
  const body = await res.text();
  expect(res.status, body).toBe(200);
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

export async function readOrder(orderKey: string): Promise<OrderDoc | null> {
  const snap = await db().doc(`orders/${orderKey}`).get();
  return snap.exists ? (snap.data() as OrderDoc) : null;
}

/** The contribution the order should have applied, recomputed with the pure functions. */
export function expectedContribution(orderKey: string, order: OrderDoc): Contribution | null {
  return contributionOf(orderKey, derivedOf(order));
}

/** Waits until the trigger has applied the order as it is now (the projection's `applied` matches). */
export async function ledgerCaughtUp(orderKey: string, check: (order: OrderDoc) => boolean = () => true, timeoutMs = 30_000): Promise<OrderDoc> {
  return eventually(
    async () => {
      const order = await readOrder(orderKey);
      if (!order || !check(order)) return undefined;
      const applied = (await db().doc(`commissions/${orderKey}`).get()).get("applied") as Contribution | undefined;
      const expected = expectedContribution(orderKey, order);
      return JSON.stringify(normalize(applied ?? null)) === JSON.stringify(normalize(expected)) ? order : undefined;
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

export type ShardTotals = LedgerTotals & { currency: string; shard: number };

/** The affiliate's shards as stored, keyed by document id, zeros dropped (a zero means missing). */
export async function storedLedgers(affiliateId: string): Promise<Record<string, ShardTotals>> {
  const snap = await db().collection("ledgers").where("affiliateId", "==", affiliateId).get();
  const out: Record<string, ShardTotals> = {};
  for (const doc of snap.docs) {
    const data = doc.data() as Partial<LedgerTotals> & { currency: string; shard: number };
    const totals: LedgerTotals = {
      ...emptyLedger(),
      flaggedMinor: data.flaggedMinor ?? 0,
      carryMinor: data.carryMinor ?? 0,
      paidMinor: data.paidMinor ?? 0,
      reversedMinor: data.reversedMinor ?? 0,
      earnedMinor: data.earnedMinor ?? 0,
      sales: data.sales ?? 0,
      refunds: data.refunds ?? 0,
    };
    const fields: Record<string, number> = {};
    for (const [day, v] of Object.entries(data.pendingByDay ?? {})) fields[`pendingByDay.${day}`] = v;
    for (const [day, d] of Object.entries(data.daily ?? {})) {
      for (const [name, v] of Object.entries(d)) fields[`daily.${day}.${name}`] = v;
    }
    out[doc.id] = { ...addDeltas(totals, fields), currency: data.currency, shard: data.shard };
  }
  return out;
}

/** Σ contributions per shard document, computed with the same pure functions the trigger uses. */
export function sumOfContributions(contributions: ReadonlyArray<Contribution | null>): Record<string, ShardTotals> {
  const out: Record<string, ShardTotals> = {};
  for (const c of contributions) {
    for (const delta of diffContributions(null, c)) {
      const current = out[delta.ledgerKey] ?? { ...emptyLedger(), currency: delta.currency, shard: delta.shard };
      out[delta.ledgerKey] = { ...addDeltas(current, delta.fields), currency: delta.currency, shard: delta.shard };
    }
  }
  return out;
}

export const DAY_MS = 86_400_000;
export const utcToday = (now = Date.now()): string => new Date(now).toISOString().slice(0, 10);
export const daysAgoIso = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString();
