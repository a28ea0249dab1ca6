import { intOrNull, isRecord, str, strings, timeOf } from "../../../contracts/read-fields.js";
import type { Allocation } from "./select.js";

/** `payouts/{payoutId}`, immutable once recorded. */
export interface PayoutRecord {
  affiliateId: string;
  currency: string;
  /** null only for a damaged document. */
  amountMinor: number | null;
  method: string;
  reference: string;
  orderKeys: string[];
  /** What each settled order received (negative for one taken back after an earlier payout). */
  items: Allocation[];
  payeeEmail: string;
  createdAt: Date | null;
}

export function readPayout(data: unknown): PayoutRecord {
  const f = isRecord(data) ? data : {};
  const items = Array.isArray(f["items"]) ? f["items"] : [];
  return {
    affiliateId: str(f["affiliateId"]),
    currency: str(f["currency"]),
    amountMinor: intOrNull(f["amountMinor"]),
    method: str(f["method"]),
    reference: str(f["reference"]),
    orderKeys: strings(f["orderKeys"]),
    items: items.flatMap((item: unknown) => {
      const amountMinor = isRecord(item) ? intOrNull(item["amountMinor"]) : null;
      return isRecord(item) && typeof item["orderKey"] === "string" && amountMinor !== null ? [{ orderKey: item["orderKey"], amountMinor }] : [];
    }),
    payeeEmail: str(f["payeeEmail"]),
    createdAt: timeOf(f["createdAt"]),
  };
}
