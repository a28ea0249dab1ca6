import { formatBps } from "../../lib/format";
import type { OwnerOrder } from "../../types/models";

export interface OrderFilter {
  platform: string;
  /** "" any, "none" unattributed, else an affiliate id. */
  affiliate: string;
  status: string;
  flaggedOnly: boolean;
}

export const NO_FILTER: OrderFilter = { platform: "", affiliate: "", status: "", flaggedOnly: false };

/** A flagged order still waiting for the owner is what "flagged" means in the console. */
export function isAwaitingApproval(order: OwnerOrder): boolean {
  return order.flag !== null && !order.flagApproved;
}

export function filterOrders(orders: readonly OwnerOrder[], filter: OrderFilter): OwnerOrder[] {
  return orders.filter(
    (o) =>
      (filter.platform === "" || o.platform === filter.platform) &&
      (filter.affiliate === "" || (filter.affiliate === "none" ? o.affiliateId === null : o.affiliateId === filter.affiliate)) &&
      (filter.status === "" || o.status === filter.status) &&
      (!filter.flaggedOnly || isAwaitingApproval(o)),
  );
}

/** Where the order's rate came from, e.g. "rate 40% from course TypeScript". */
function rateText(order: OwnerOrder): string {
  if (order.rateBps === null || order.affiliateId === null) return "";
  const rate = formatBps(order.rateBps);
  const course = order.courseName || "this course";
  const from: Record<string, string> = {
    affiliate_course: `rate ${rate} for this affiliate on course ${course}`,
    affiliate: `rate ${rate} for this affiliate`,
    course: `rate ${rate} from course ${course}`,
    program: `rate ${rate} (program default)`,
  };
  return order.rateSource ? `; ${from[order.rateSource] ?? `rate ${rate}`}` : "";
}

/** Words for the attribution receipt: why the order is (not) credited. */
export function receiptText(order: OwnerOrder): string {
  const credit = creditText(order);
  return order.baseNote ? `${credit}; base: ${order.baseNote}` : credit;
}

function creditText(order: OwnerOrder): string {
  const a = order.attribution;
  if (a === null) return order.status === "awaiting_sale" ? "Waiting for the sale event" : "No attribution recorded";
  if (a.rule === "manual") return `Credited by hand${a.by ? ` (by ${a.by})` : ""}${rateText(order)}`;
  const where = a.field ? ` in ${a.field}` : "";
  const self = a.selfReferral ? "; customer is the affiliate (self-referral)" : "";
  if (a.affiliateId && a.rule === "subscription") return `Later payment of a subscription credited to ${a.affiliateId}${self}`;
  if (a.affiliateId && a.rule === "discount_code") {
    const ref = a.candidate ? `; reference "${a.candidate}"${where} names no active affiliate` : "";
    return `Discount code ${a.discountCode ?? ""} (code only)${ref}${self}${rateText(order)}`;
  }
  const code =
    a.discountCode === null
      ? ""
      : a.codeAffiliateId === null
        ? `; discount code ${a.discountCode} is no active affiliate's`
        : a.codeAffiliateId !== a.affiliateId
          ? `; discount code ${a.discountCode} is ${a.codeAffiliateId}'s (the link wins)`
          : `; discount code ${a.discountCode}`;
  if (a.affiliateId) return `Reference ${a.candidate ?? a.affiliateId}${where}${code}${self}${rateText(order)}`;
  const why: Record<string, string> = {
    missing: "No affiliate reference in the payment",
    malformed: `Malformed reference "${a.candidate ?? ""}"${where}`,
    unknown: `Unknown affiliate "${a.candidate ?? ""}"${where}`,
    inactive: `Affiliate "${a.candidate ?? ""}" is not active${where}`,
    test: `Test payment (reference ${a.candidate ?? "none"})`,
    beyond_policy: `Subscription of ${a.candidate ?? "an affiliate"}: this payment is past the recurring-payments policy, no commission`,
    no_start: `Subscription of ${a.candidate ?? "an affiliate"}: the policy counts months from the first payment, which is not recorded yet`,
  };
  return `${why[a.reason ?? ""] ?? "Not credited"}${code}`;
}
