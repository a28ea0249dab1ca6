import { AFFILIATE_ID, type AffiliateStatus } from "../../../contracts/affiliates.js";
import type { RecurringPolicy } from "../../../contracts/recurring-policy.js";
import type { AffiliateRef } from "../domain/types.js";

/** What the glue found at `affiliates/{ref.value}`, or null when there is no such document. */
export interface AffiliateCandidate {
  id: string;
  status: AffiliateStatus;
  email: string | null;
  rateBps: number | null;
  /** The affiliate's own policy for subscription payments; null or absent = the program's. */
  recurringPolicy?: RecurringPolicy | null;
}

/**
 * Why nobody is credited. `beyond_policy`: a later payment of a subscription past the policy that
 * applied to it; `no_start`: a "first N months" policy whose first payment is not recorded yet.
 */
export type AttributionReason = "missing" | "malformed" | "unknown" | "inactive" | "test" | "beyond_policy" | "no_start";

export interface Attribution {
  /** The affiliate credited, or null when the order earns no commission. */
  affiliateId: string | null;
  /** The id the payload named (cut to 64 characters when malformed), for the owner to review. */
  candidate: string | null;
  /** Where in the payload the reference was found. */
  field: string | null;
  /**
   * How the decision was made: `payload_ref` (the reference in the sale), `subscription` (a later
   * payment, credited to whom its subscription is), `none`, or `manual`.
   */
  rule: "payload_ref" | "subscription" | "none" | "manual";
  /** Why nobody is credited; null when an affiliate is. */
  reason: AttributionReason | null;
  /** The customer's email is the affiliate's own: the commission waits for the owner's approval. */
  selfReferral: boolean;
  /** The owner's uid for a manual re-attribution, else null. */
  by: string | null;
}

/** Affiliate ids are case-sensitive; anything else is never looked up. */
export function isAffiliateIdShape(value: string): boolean {
  return AFFILIATE_ID.test(value);
}

/** The customer's email is the affiliate's own. */
export function isSelfReferral(customerEmail: string | null, candidate: Pick<AffiliateCandidate, "email">): boolean {
  const b = candidate.email;
  if (customerEmail === null || b === null) return false;
  const x = customerEmail.trim().toLowerCase();
  return x !== "" && x === b.trim().toLowerCase();
}

/**
 * Decides who, if anyone, a sale is credited to. A test event is resolved like a live one so that
 * the owner can check a setup with it, but credits nobody (reason `test`); when the reference is
 * bad anyway, the more useful reason wins.
 */
export function attribute(input: {
  ref: AffiliateRef;
  candidate: AffiliateCandidate | null;
  customerEmail: string | null;
  test: boolean;
}): Attribution {
  const { ref, candidate, customerEmail, test } = input;
  const value = ref.value?.trim() ?? "";
  const none = { affiliateId: null, field: ref.field, selfReferral: false, by: null } as const;
  if (value === "") return { ...none, candidate: null, rule: "none", reason: "missing" };
  if (!isAffiliateIdShape(value)) {
    return { ...none, candidate: value.slice(0, 64), rule: "payload_ref", reason: "malformed" };
  }
  const base = { ...none, candidate: value, rule: "payload_ref" } as const;
  // The id check guards against a glue bug handing over the wrong document.
  if (candidate === null || candidate.id !== value) return { ...base, reason: "unknown" };
  if (candidate.status !== "active") return { ...base, reason: "inactive" };
  const selfReferral = isSelfReferral(customerEmail, candidate);
  if (test) return { ...base, reason: "test", selfReferral };
  return { ...base, affiliateId: candidate.id, reason: null, selfReferral };
}

/**
 * The owner's explicit choice. It is not flagged as a self-referral: the owner, who approves
 * those, made it knowingly.
 */
export function manualAttribution(affiliateId: string, ownerUid: string): Attribution {
  if (!isAffiliateIdShape(affiliateId)) throw new RangeError("manualAttribution: malformed affiliate id");
  return {
    affiliateId,
    candidate: affiliateId,
    field: null,
    rule: "manual",
    reason: null,
    selfReferral: false,
    by: ownerUid,
  };
}
