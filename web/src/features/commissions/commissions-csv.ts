import { toCsv } from "../../lib/csv";
import { minorToMoneyText } from "../../lib/units";
import type { Commission } from "../../types/models";
import { effectiveStatus, STATUS_LABELS } from "./effective-status";

const isoDay = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : "");

/**
 * The affiliate's own commissions for their bookkeeping: what the table shows (course, dates,
 * amounts, status), amounts as plain decimals beside their currency. Commission documents carry no
 * customer data, and nothing else is read. Text cells go through csvCell, which defuses formulas.
 */
export function affiliateCommissionsCsv(commissions: readonly Commission[], now: Date): string {
  const header = ["sale_date", "course", "currency", "sale", "commission", "original_commission", "status", "payable_date", "test"];
  const rows = commissions.map((c) => [
    isoDay(c.saleAt),
    c.courseName || c.courseId,
    c.currency,
    minorToMoneyText(c.saleMinor, c.currency),
    minorToMoneyText(c.commissionMinor, c.currency),
    minorToMoneyText(c.originalCommissionMinor, c.currency),
    STATUS_LABELS[effectiveStatus(c, now)],
    isoDay(c.payableAt),
    c.test ? "yes" : "no",
  ]);
  return toCsv([header, ...rows]);
}
