import { paymentLabel } from "../../../contracts/payment-label.js";
import type { ChargebackFact, RefundFact } from "../domain/types.js";
import { CUMULATIVE_REFUND_KEY } from "../orders/facts.js";
import type { OrderRecord } from "../orders/record.js";
import type { AffiliateContact } from "./compose.js";
import type { ComposedMail } from "./mail-doc.js";
import { refundEmails } from "./refund-emails.js";
import { saleEmails } from "./sale-emails.js";

export interface OrderMailContext {
  programName: string;
  ownerEmails: readonly string[];
  portalUrl: string;
  /** The credited affiliate's contact, read by the glue; null when nobody is credited. */
  affiliate: AffiliateContact | null;
}

type Notice =
  | { key: string; type: "sale" }
  | { key: string; type: "refund"; fact: RefundFact }
  | { key: string; type: "chargeback"; fact: ChargebackFact };

/**
 * The things about an order worth an email, each with a stable key. A refund (or credit) that
 * arrived before its sale is announced with the sale; a cumulative refund at each new amount.
 */
function noticesOf(order: OrderRecord | null): Notice[] {
  if (!order?.facts.sale) return [];
  const notices: Notice[] = [{ key: `sale:${order.affiliateId ?? "none"}`, type: "sale" }];
  for (const fact of Object.values(order.facts.refunds)) {
    // A credit reversal gives the commission back: nothing was refunded to announce.
    if (fact.grossMinor <= 0) continue;
    const key = fact.mode === "cumulative" ? `refund:cumulative:${fact.grossMinor}` : `refund:${fact.refundId}`;
    notices.push({ key, type: "refund", fact });
  }
  for (const fact of Object.values(order.facts.chargebacks)) {
    notices.push({ key: `chargeback:${fact.chargebackId}/${fact.state}`, type: "chargeback", fact });
  }
  return notices;
}

/**
 * The amount this refund notice is about. A cumulative (Lemon Squeezy) refund reports the total so
 * far, so the part already announced with the previous state is taken off: a second partial refund
 * of $20 after one of $10 reads "$20", not "$30".
 */
function refundedThisTime(before: OrderRecord | null, fact: RefundFact): number {
  if (fact.mode !== "cumulative" || !before?.facts.sale) return fact.grossMinor;
  const announced = before.facts.refunds[CUMULATIVE_REFUND_KEY];
  return announced?.mode === "cumulative" ? Math.max(0, fact.grossMinor - announced.grossMinor) : fact.grossMinor;
}

function freshNotices(before: OrderRecord | null, after: OrderRecord | null): Notice[] {
  if (!after?.facts.sale || after.test) return [];
  const seen = new Set(noticesOf(before).map((n) => n.key));
  return noticesOf(after).filter((n) => !seen.has(n.key));
}

/** Whether the change calls for any email, so the trigger reads the recipients only when it does. */
export function callsForMail(before: OrderRecord | null, after: OrderRecord | null): boolean {
  return freshNotices(before, after).length > 0;
}

function creditedBy(attribution: OrderRecord["attribution"]): string {
  if (attribution?.rule === "manual") return "re-attributed by the owner";
  if (attribution?.rule === "discount_code") return `discount code ${attribution.discountCode ?? ""}`;
  return "referral link";
}

const REASONS: Record<string, string> = {
  missing: "no affiliate reference",
  malformed: "a malformed affiliate reference",
  unknown: "an unknown affiliate id",
  inactive: "an affiliate who is not active",
  test: "a test event",
  beyond_policy: "a subscription payment past the recurring-payments policy",
  no_start: "a subscription payment whose first payment is not recorded yet",
};

/**
 * The emails a change of an order calls for: those of notices the new state has and the old did not.
 * Mail ids are deterministic, so a trigger delivered twice queues nothing new.
 */
export function orderMails(orderKey: string, before: OrderRecord | null, after: OrderRecord | null, ctx: OrderMailContext): ComposedMail[] {
  if (!after) return [];
  const fresh = freshNotices(before, after);
  const currency = after.commissionCurrency ?? after.currency ?? "USD";
  const common = {
    programName: ctx.programName,
    orderKey,
    courseName: paymentLabel(after.courseName ?? after.productName ?? "a course", after.payment?.number ?? null),
    affiliate: after.affiliateId ? ctx.affiliate : null,
    test: after.test,
    customerEmail: after.customerEmail,
    ownerEmails: ctx.ownerEmails,
    portalUrl: ctx.portalUrl,
  };
  return fresh.flatMap((notice): ComposedMail[] => {
    if (notice.type === "sale") {
      const reason = after.attribution?.reason;
      return saleEmails({
        ...common,
        soldAt: after.saleAt ?? new Date(0).toISOString(),
        saleMinor: after.grossMinor,
        currency: after.currency ?? currency,
        commissionMinor: after.commissionMinor,
        commissionCurrency: currency,
        payableAt: after.payableAt,
        attributionReason: reason ? (REASONS[reason] ?? reason) : creditedBy(after.attribution),
        candidateRef: after.affiliateId ? null : (after.attribution?.candidate ?? null),
        flag: after.flagApproved ? null : after.flag === "self_referral" ? "self-referral" : after.flag === "code_only" ? "code-only" : null,
      });
    }
    const previousCommissionMinor = before?.facts.sale ? before.commissionMinor : after.originalCommissionMinor;
    const change =
      notice.type === "refund"
        ? {
            kind: "refund" as const,
            full: after.status === "refunded",
            refundedMinor: refundedThisTime(before, notice.fact),
            // A refund in another currency than the sale is announced as reported (and held for review).
            currency: notice.fact.currency ?? after.currency ?? currency,
          }
        : { kind: "chargeback" as const, state: notice.fact.state };
    return refundEmails({
      ...common,
      eventKey: notice.key,
      at: notice.fact.at,
      change,
      previousCommissionMinor,
      commissionMinor: after.commissionMinor,
      commissionCurrency: currency,
    });
  });
}
