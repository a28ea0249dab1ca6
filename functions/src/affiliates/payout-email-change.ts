import type { AffiliateRecord } from "./record.js";

export interface PayoutEmailChange {
  /** Where payouts went before and go now (an empty payoutEmail means the sign-in email). */
  from: string;
  to: string;
}

const effective = (a: Pick<AffiliateRecord, "payoutEmail" | "email">): string => (a.payoutEmail ?? "").trim() || (a.email ?? "").trim();

/**
 * The change of where an existing affiliate's payouts go, or null. Only the affiliate can change the
 * field (the rules let them; no server code does after creation), so whoever holds their session can
 * redirect their money: the trigger tells the sign-in address and writes the audit trail.
 */
export function payoutEmailChange(before: AffiliateRecord | null, after: AffiliateRecord | null): PayoutEmailChange | null {
  if (before === null || after === null) return null;
  const [from, to] = [effective(before), effective(after)];
  return from.toLowerCase() === to.toLowerCase() ? null : { from, to };
}
