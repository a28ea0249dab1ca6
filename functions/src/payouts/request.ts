import { int, isRecord, oneOf, str, strOrNull, timeOf } from "../../../contracts/read-fields.js";

export const PAYOUT_REQUEST_STATUSES = ["open", "paid"] as const;
export type PayoutRequestStatus = (typeof PAYOUT_REQUEST_STATUSES)[number];

/**
 * `payoutRequests/{affiliateId}_{currency}`: the affiliate's latest request to be paid in that
 * currency. One document per affiliate and currency, so at most one is open; the payout the owner
 * records for that affiliate and currency closes it (`paid`), and a later request replaces it.
 */
export interface PayoutRequestRecord {
  affiliateId: string;
  currency: string;
  /** The payable balance when the affiliate asked. */
  amountMinor: number;
  /** The threshold it was checked against. */
  thresholdMinor: number;
  status: PayoutRequestStatus;
  requestedAt: Date | null;
  closedAt: Date | null;
  payoutId: string | null;
}

export function readPayoutRequest(data: unknown): PayoutRequestRecord {
  const f = isRecord(data) ? data : {};
  return {
    affiliateId: str(f["affiliateId"]),
    currency: str(f["currency"]),
    amountMinor: int(f["amountMinor"]),
    thresholdMinor: int(f["thresholdMinor"]),
    // A damaged status reads as paid: it never blocks a new request.
    status: oneOf(f["status"], PAYOUT_REQUEST_STATUSES) ?? "paid",
    requestedAt: timeOf(f["requestedAt"]),
    closedAt: timeOf(f["closedAt"]),
    payoutId: strOrNull(f["payoutId"]),
  };
}
