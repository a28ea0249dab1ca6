import { PENDING_KEY } from "../../../contracts/ledger.js";
import { isRecord } from "../../../contracts/read-fields.js";

// A zero ledger balance means the same as a missing one (see delta.ts), but increments never remove
// a key: every payable time whose commission was refunded or paid out stays in `pendingByDay` as 0 forever.
// Removing those keys changes no balance, so the ledger still equals the sum of the contributions.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isZero = (value: unknown): boolean => value === 0;

/**
 * The field paths (as segments) of a stored ledger shard that hold only zeros: `pendingByDay` days
 * of 0 and `daily` days whose every total is 0. Anything it does not recognise is left alone.
 */
export function zeroLedgerPaths(data: Readonly<Record<string, unknown>>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const pending = data.pendingByDay;
  if (isRecord(pending)) {
    for (const [day, value] of Object.entries(pending)) {
      if (PENDING_KEY.test(day) && isZero(value)) out.push(["pendingByDay", day]);
    }
  }
  const daily = data.daily;
  if (isRecord(daily)) {
    for (const [day, totals] of Object.entries(daily)) {
      if (!DAY.test(day) || !isRecord(totals)) continue;
      const values = Object.values(totals);
      if (values.every(isZero)) out.push(["daily", day]);
    }
  }
  return out;
}
