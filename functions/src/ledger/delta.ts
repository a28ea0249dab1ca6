import { ledgerKeyOf } from "../../../contracts/ids.js";
import { PENDING_KEY, type DailyTotals, type LedgerIdentity, type LedgerTotals } from "../../../contracts/ledger.js";
import type { Contribution } from "./contribution.js";

// Ledger changes travel as flat dotted field paths (`pendingByDay.2026-12-21T10:00:00Z`, `daily.2026-11-21.sales`)
// with numeric deltas, the shape Firestore `update()` takes with `FieldValue.increment`. Zero
// deltas are left out, and a zero balance means the same as a missing one.

export interface LedgerDelta extends LedgerIdentity {
  ledgerKey: string;
  /** Dotted field path → amount to add. Never empty, never holds a zero. */
  fields: Record<string, number>;
}

const SCALARS = [
  "flaggedMinor",
  "carryMinor",
  "paidMinor",
  "reversedMinor",
  "earnedMinor",
  "sales",
  "refunds",
] as const satisfies ReadonlyArray<keyof LedgerTotals>;

const DAILY_FIELDS = ["sales", "saleMinor", "commissionMinor", "refundedMinor"] as const satisfies ReadonlyArray<
  keyof DailyTotals
>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The totals as dotted paths, zeros left out. */
export function flattenTotals(totals: LedgerTotals): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (path: string, value: number): void => {
    if (value !== 0) out[path] = (out[path] ?? 0) + value;
  };
  for (const name of SCALARS) put(name, totals[name]);
  for (const [day, amount] of Object.entries(totals.pendingByDay)) put(`pendingByDay.${day}`, amount);
  for (const [day, d] of Object.entries(totals.daily)) {
    for (const name of DAILY_FIELDS) put(`daily.${day}.${name}`, d[name]);
  }
  return out;
}

function scaled(fields: Record<string, number>, factor: 1 | -1): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, value] of Object.entries(fields)) out[path] = value * factor;
  return out;
}

function identity(c: Contribution): LedgerIdentity {
  return { affiliateId: c.affiliateId, currency: c.currency, shard: c.shard };
}

/**
 * What to add to the ledgers to go from the contribution last applied to the new one. When the
 * affiliate, the currency or the shard changes (a re-attribution), the old ledger gets the old
 * contribution taken out and the new ledger gets the new one. Empty when nothing changes.
 */
export function diffContributions(oldC: Contribution | null, newC: Contribution | null): LedgerDelta[] {
  const byKey = new Map<string, LedgerDelta>();
  const add = (c: Contribution, factor: 1 | -1): void => {
    const key = ledgerKeyOf(c);
    const delta = byKey.get(key) ?? { ...identity(c), ledgerKey: key, fields: {} };
    for (const [path, value] of Object.entries(scaled(flattenTotals(c), factor))) {
      delta.fields[path] = (delta.fields[path] ?? 0) + value;
    }
    byKey.set(key, delta);
  };
  if (oldC !== null) add(oldC, -1);
  if (newC !== null) add(newC, 1);
  const out: LedgerDelta[] = [];
  for (const delta of byKey.values()) {
    const fields: Record<string, number> = {};
    for (const [path, value] of Object.entries(delta.fields)) if (value !== 0) fields[path] = value;
    if (Object.keys(fields).length > 0) out.push({ ...delta, fields });
  }
  return out;
}

function isScalar(name: string): name is (typeof SCALARS)[number] {
  return (SCALARS as ReadonlyArray<string>).includes(name);
}

function isDailyField(name: string): name is (typeof DAILY_FIELDS)[number] {
  return (DAILY_FIELDS as ReadonlyArray<string>).includes(name);
}

/** Applies dotted-path deltas to a ledger, as Firestore increments would; returns a new ledger. */
export function addDeltas(ledger: LedgerTotals, fields: Record<string, number>): LedgerTotals {
  const next: LedgerTotals = {
    ...ledger,
    pendingByDay: { ...ledger.pendingByDay },
    daily: Object.fromEntries(Object.entries(ledger.daily).map(([day, d]) => [day, { ...d }])),
  };
  for (const [path, value] of Object.entries(fields)) {
    const parts = path.split(".");
    const [head, day, leaf] = parts;
    if (parts.length === 1 && head !== undefined && isScalar(head)) {
      next[head] += value;
    } else if (parts.length === 2 && head === "pendingByDay" && day !== undefined && PENDING_KEY.test(day)) {
      const amount = (next.pendingByDay[day] ?? 0) + value;
      if (amount === 0) delete next.pendingByDay[day];
      else next.pendingByDay[day] = amount;
    } else if (
      parts.length === 3 &&
      head === "daily" &&
      day !== undefined &&
      DAY.test(day) &&
      leaf !== undefined &&
      isDailyField(leaf)
    ) {
      const d = next.daily[day] ?? { sales: 0, saleMinor: 0, commissionMinor: 0, refundedMinor: 0 };
      d[leaf] += value;
      if (DAILY_FIELDS.every((name) => d[name] === 0)) delete next.daily[day];
      else next.daily[day] = d;
    } else {
      throw new RangeError(`unknown ledger field path: ${JSON.stringify(path.slice(0, 80))}`);
    }
  }
  return next;
}

export type Nested<T> = { [key: string]: T | Nested<T> };

/**
 * The dotted deltas as nested maps with each number wrapped (e.g. in `FieldValue.increment`), for
 * `set(…, { merge: true })`, which does not read dots as paths the way `update()` does.
 */
export function nestFields<T>(fields: Record<string, number>, wrap: (value: number) => T): Nested<T> {
  const root: Nested<T> = {};
  // Only maps made here are descended into: a wrapped value may itself be an object.
  const maps = new WeakSet<object>([root]);
  for (const [path, value] of Object.entries(fields)) {
    const parts = path.split(".");
    const leaf = parts.pop();
    if (leaf === undefined || leaf === "") throw new RangeError("empty field path");
    let node = root;
    for (const part of parts) {
      const child = node[part];
      if (child !== null && typeof child === "object" && maps.has(child)) {
        node = child as Nested<T>;
      } else if (child === undefined) {
        const created: Nested<T> = {};
        maps.add(created);
        node[part] = created;
        node = created;
      } else {
        throw new RangeError(`field path conflicts with a value: ${JSON.stringify(path.slice(0, 80))}`);
      }
    }
    node[leaf] = wrap(value);
  }
  return root;
}
