import type { CommissionStatus } from "../../types/models";

/** What the affiliate sees: a pending commission whose refund window has closed is "payable". */
export type EffectiveStatus = CommissionStatus | "payable";

export function effectiveStatus(commission: { status: CommissionStatus; payableAt: Date | null }, now: Date): EffectiveStatus {
  if (commission.status === "pending" && commission.payableAt !== null && commission.payableAt.getTime() <= now.getTime()) return "payable";
  return commission.status;
}

export const STATUS_LABELS: Record<EffectiveStatus, string> = {
  pending: "Pending",
  payable: "Payable",
  paid: "Paid",
  refunded: "Refunded",
  reversed: "Reversed",
  flagged: "Under review",
};
