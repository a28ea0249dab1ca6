import type { Contribution } from "../ledger/contribution.js";
import type { DerivedOrder } from "../orders/derive.js";

export type CommissionStatus = "pending" | "paid" | "refunded" | "reversed" | "flagged";

/**
 * What an affiliate may see of an order: no customer data, no platform fee, no attribution details.
 * "Payable" is not stored: the portal shows a pending commission as payable once `payableAt` passes,
 * so it is right without a daily job.
 */
export interface CommissionView {
  affiliateId: string;
  orderKey: string;
  platform: string;
  courseId: string | null;
  courseName: string | null;
  saleAt: string;
  payableAt: string;
  currency: string;
  saleMinor: number;
  commissionMinor: number;
  originalCommissionMinor: number;
  rateBps: number;
  status: CommissionStatus;
  test: boolean;
  /** Which payment of its subscription the sale is (1 = the first); null for a one-off sale. */
  payment: number | null;
}

export function commissionStatus(order: DerivedOrder): CommissionStatus {
  if (order.status === "chargeback") return "reversed";
  if (order.commissionMinor === 0 && order.originalCommissionMinor > 0) return "refunded";
  if (order.flag !== null && !order.flagApproved) return "flagged";
  if (order.paidOutMinor > 0 && order.paidOutMinor >= order.commissionMinor) return "paid";
  return "pending";
}

/** The projection of an order for its affiliate, or null when no affiliate earns from it. */
export function commissionView(
  orderKey: string,
  order: DerivedOrder & { platform: string; courseId: string | null; courseName: string | null; payment: { number: number } | null },
  contribution: Contribution | null,
): CommissionView | null {
  if (contribution === null || order.saleAt === null || order.payableAt === null) return null;
  return {
    affiliateId: contribution.affiliateId,
    orderKey,
    platform: order.platform,
    courseId: order.courseId,
    courseName: order.courseName,
    saleAt: order.saleAt,
    payableAt: order.payableAt,
    currency: contribution.currency,
    saleMinor: order.netMinor,
    commissionMinor: order.commissionMinor,
    originalCommissionMinor: order.originalCommissionMinor,
    rateBps: order.rateBps ?? 0,
    status: commissionStatus(order),
    test: order.test,
    payment: order.payment?.number ?? null,
  };
}
