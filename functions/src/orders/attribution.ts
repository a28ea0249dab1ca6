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
  /** The affiliate's rate for one course, by course id: it outranks `rateBps` on that course's sales. */
  courseRates: Record<string, number>;
  /** Sales credited by this affiliate's discount code alone wait for the owner's approval. */
  codeOnlyApproval: boolean;
}

/** The discount a sale carried and whose affiliate it is, as the glue found it. */
export interface CodeMatch {
  /** The code as the customer used it, or the affiliate's code when the platform sent only its id. */
  code: string;
  /** The affiliate the code belongs to, or null when it is nobody's. */
  candidate: AffiliateCandidate | null;
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
   * payment, credited to whom its subscription is), `discount_code` (the affiliate's discount code
   * alone: a code-only sale), `none`, or `manual`.
   */
  rule: "payload_ref" | "subscription" | "discount_code" | "none" | "manual";
  /** Why nobody is credited; null when an affiliate is. */
  reason: AttributionReason | null;
  /** The customer's email is the affiliate's own: the commission waits for the owner's approval. */
  selfReferral: boolean;
  /** The owner's uid for a manual re-attribution, else null. */
  by: string | null;
  /** The discount code the sale carried, if any, whoever was credited. */
  discountCode: string | null;
  /** The active affiliate that code belongs to (shown beside a link that named someone else). */
  codeAffiliateId: string | null;
  /** A code-only sale of an affiliate whose code-only sales the owner approves: the commission is held. */
  codeApproval: boolean;
}

/** The receipt of a sale that carried no discount code. */
export const NO_CODE = { discountCode: null, codeAffiliateId: null, codeApproval: false } as const;

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
 *
 * The referral id wins over a discount code: it names the affiliate whose link the customer
 * clicked, and the platforms' checkouts carry it only from that click, while a code travels on its
 * own (coupon sites). A code credits its affiliate only when the sale names no active affiliate
 * (missing, malformed, unknown or inactive reference); the receipt keeps the code and its affiliate
 * either way, so a sale where the two disagree shows both.
 */
export function attribute(input: {
  ref: AffiliateRef;
  candidate: AffiliateCandidate | null;
  /** The discount the sale carried; absent or null when it carried none. */
  code?: CodeMatch | null;
  customerEmail: string | null;
  test: boolean;
}): Attribution {
  const { code = null, customerEmail, test } = input;
  const byRef = byReference(input);
  if (code === null) return byRef;
  const codeAffiliate = code.candidate?.status === "active" ? code.candidate : null;
  const receipt = { ...byRef, discountCode: code.code, codeAffiliateId: codeAffiliate?.id ?? null };
  const refNamesActive = byRef.reason === null || byRef.reason === "test";
  if (refNamesActive || codeAffiliate === null) return receipt;
  const credited = { ...receipt, rule: "discount_code", selfReferral: isSelfReferral(customerEmail, codeAffiliate) } as const;
  if (test) return { ...credited, reason: "test" };
  return { ...credited, affiliateId: codeAffiliate.id, reason: null, codeApproval: codeAffiliate.codeOnlyApproval };
}

function byReference(input: { ref: AffiliateRef; candidate: AffiliateCandidate | null; customerEmail: string | null; test: boolean }): Attribution {
  const { ref, candidate, customerEmail, test } = input;
  const value = ref.value?.trim() ?? "";
  const none = { affiliateId: null, field: ref.field, selfReferral: false, by: null, ...NO_CODE } as const;
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
    ...NO_CODE,
  };
}
