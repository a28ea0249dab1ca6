import "./badge.css";

/** Colours of a status pill; the neutral one when no tone is given. */
export type BadgeTone = "pending" | "payable" | "paid" | "refunded" | "reversed" | "flagged" | "test";

export function Badge({ tone, testId, children }: { tone?: BadgeTone | undefined; testId?: string; children: React.ReactNode }) {
  return (
    <span className={tone ? `badge badge--${tone}` : "badge"} data-testid={testId}>
      {children}
    </span>
  );
}
