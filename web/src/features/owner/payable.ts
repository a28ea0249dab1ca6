export interface PayableRow {
  affiliateId: string;
  currency: string;
  payableMinor: number;
  pendingMinor: number;
  flaggedMinor: number;
  name: string;
  payoutEmail: string;
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

/** Checks the `payableNow` answer instead of trusting its shape; null when it is not one. */
export function parsePayable(value: unknown): { rows: PayableRow[]; thresholdMinor: number } | null {
  if (typeof value !== "object" || value === null) return null;
  const { rows, thresholdMinor } = value as Record<string, unknown>;
  if (!Array.isArray(rows) || !isInt(thresholdMinor)) return null;
  const out: PayableRow[] = [];
  for (const row of rows) {
    if (typeof row !== "object" || row === null) return null;
    const r = row as Record<string, unknown>;
    if (typeof r.affiliateId !== "string" || typeof r.currency !== "string" || !isInt(r.payableMinor)) return null;
    out.push({
      affiliateId: r.affiliateId,
      currency: r.currency,
      payableMinor: r.payableMinor,
      pendingMinor: isInt(r.pendingMinor) ? r.pendingMinor : 0,
      flaggedMinor: isInt(r.flaggedMinor) ? r.flaggedMinor : 0,
      name: typeof r.name === "string" ? r.name : "",
      payoutEmail: typeof r.payoutEmail === "string" ? r.payoutEmail : "",
    });
  }
  return { rows: out, thresholdMinor };
}
