import "./badge.css";

/** What a status pill says; each has its colour below, neutral where none is listed. */
export type BadgeTone = "pending" | "payable" | "paid" | "refunded" | "reversed" | "flagged" | "test";

const COLOURS: Partial<Record<BadgeTone, string>> = { pending: "tone-warn", payable: "tone-info", paid: "tone-ok", refunded: "tone-error", reversed: "tone-error", test: "badge--test tone-neutral" };

export function Badge({ tone, testId, children }: { tone?: BadgeTone | undefined; testId?: string; children: React.ReactNode }) {
  return (
    <span className={`badge ${(tone && COLOURS[tone]) ?? "tone-neutral"}`} data-testid={testId}>
      {children}
    </span>
  );
}
