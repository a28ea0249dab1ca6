import type { RecurringPolicy } from "../../../contracts/recurring-policy.js";

// Whether one payment of a subscription earns under the policy snapshotted on the subscription.
// Pure, and a function of the payment's number and time only, so it does not matter in which
// order the payments arrive.

const DAY_MS = 86_400_000;

/**
 * `iso` plus whole calendar months in UTC, the day clamped to the end of a shorter month
 * (31 January + 1 month = 28 or 29 February), the time of day kept.
 */
export function addMonths(iso: string, months: number): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an ISO date: ${JSON.stringify(iso.slice(0, 40))}`);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(at.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds())).toISOString();
}

/**
 * The end of a "first N months" policy. Renewals are charged on the anniversary of the first
 * payment, give or take the minutes a checkout takes, so the payment that opens month N + 1 can
 * land just before it: a payment in the last day of the N months counts as the next month's.
 */
export function monthsPolicyEnd(startedAt: string, months: number): string {
  return new Date(Date.parse(addMonths(startedAt, months)) - DAY_MS).toISOString();
}

export type PolicyVerdict =
  | { earns: true }
  /** `beyond_policy`: past the limit; `no_start`: a months limit, but the first payment's time is not known (yet). */
  | { earns: false; reason: "beyond_policy" | "no_start" };

/** Payment `number` (1 = the one that started the subscription) made at `paidAt`. */
export function policyVerdict(policy: RecurringPolicy, payment: { number: number; paidAt: string }, startedAt: string | null): PolicyVerdict {
  if (!Number.isSafeInteger(payment.number) || payment.number < 1) throw new RangeError("payment numbers start at 1");
  const beyond = { earns: false, reason: "beyond_policy" } as const;
  switch (policy.kind) {
    case "every":
      return { earns: true };
    case "first":
      return payment.number === 1 ? { earns: true } : beyond;
    case "payments":
      return payment.number <= policy.limit ? { earns: true } : beyond;
    case "months": {
      if (payment.number === 1) return { earns: true };
      if (startedAt === null) return { earns: false, reason: "no_start" };
      return Date.parse(payment.paidAt) < Date.parse(monthsPolicyEnd(startedAt, policy.limit)) ? { earns: true } : beyond;
    }
  }
}
