import { AFFILIATE_STATUSES, type AffiliateStatus } from "../../../contracts/affiliates.js";
import { DISCOUNT_ID_PLATFORMS, type DiscountIdPlatform } from "../../../contracts/discount-codes.js";
import { intMap, intOrNull, isRecord, oneOf, str, strOrNull } from "../../../contracts/read-fields.js";
import { readRecurringPolicy, type RecurringPolicy } from "../../../contracts/recurring-policy.js";

/** What the functions use of `affiliates/{uid}`, read leniently: the portal and the owner edit it. */
export interface AffiliateRecord {
  id: string;
  /** null when missing or not one of the known statuses: such an affiliate is never credited. */
  status: AffiliateStatus | null;
  /** The sign-in email. */
  email: string | null;
  /** The display name, else the name given when applying. */
  name: string;
  /** Where payouts go; the sign-in email when unset. */
  payoutEmail: string | null;
  /** null: the program's default rate. */
  rateBps: number | null;
  cookieDays: number | null;
  discountCode: string | null;
  /** The platforms' own ids for the affiliate's code, where a platform's sales name only the id. */
  discountIds: Partial<Record<DiscountIdPlatform, string>>;
  /** Sales credited by the code alone wait for the owner's approval. */
  codeOnlyApproval: boolean;
  /** The affiliate's rate for particular courses, by course id (basis points). */
  courseRates: Record<string, number>;
  slug: string | null;
  /** The affiliate's own policy for subscription payments; null: the program's. */
  recurringPolicy: RecurringPolicy | null;
}

export function readAffiliate(data: unknown, id: string): AffiliateRecord {
  const f = isRecord(data) ? data : {};
  return {
    id,
    status: oneOf(f["status"], AFFILIATE_STATUSES),
    email: strOrNull(f["email"]),
    name: str(f["displayName"]) || str(f["name"]),
    payoutEmail: strOrNull(f["payoutEmail"]),
    rateBps: intOrNull(f["rateBps"]),
    cookieDays: intOrNull(f["cookieDays"]),
    discountCode: strOrNull(f["discountCode"]),
    discountIds: discountIdsOf(f["discountIds"]),
    codeOnlyApproval: f["codeOnlyApproval"] === true,
    courseRates: intMap(f["courseRates"]),
    slug: strOrNull(f["slug"]),
    recurringPolicy: readRecurringPolicy(f["recurringPolicy"]),
  };
}

function discountIdsOf(value: unknown): Partial<Record<DiscountIdPlatform, string>> {
  const f = isRecord(value) ? value : {};
  const out: Partial<Record<DiscountIdPlatform, string>> = {};
  for (const platform of DISCOUNT_ID_PLATFORMS) {
    const id = strOrNull(f[platform]);
    if (id !== null) out[platform] = id;
  }
  return out;
}
