// Rates are stored in basis points (5000 = 50%); the owner types percent. String arithmetic, like
// money: "12.5" is 1250 exactly, never 1249.9999.

/** "40" → 4000, "12.5" → 1250, "" → null (not set); anything else, or over 100%, is "bad". */
export function parsePercent(text: string): number | null | "bad" {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return null;
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return "bad";
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bps <= 10_000 ? bps : "bad";
}

/** 4000 → "40", 1250 → "12.5", null → "". */
export function percentText(bps: number | null): string {
  if (bps === null) return "";
  const whole = Math.trunc(bps / 100);
  const cents = String(bps % 100).padStart(2, "0").replace(/0+$/, "");
  return cents === "" ? String(whole) : `${whole}.${cents}`;
}
