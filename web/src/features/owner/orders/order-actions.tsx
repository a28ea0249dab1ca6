import { useState } from "react";
import type { OwnerAffiliate, OwnerOrder } from "../../../types/models";
import { ActionMessage } from "../action-message";
import { isAwaitingApproval } from "../order-filter";
import { useAction } from "../use-action";

/** Re-attribution (until the order is in a payout) and approval of a flagged self-referral. */
/** The button and its confirmation for each flag (functions/src/orders/derive.ts `OrderFlag`). */
const APPROVE_LABELS: Readonly<Record<string, string>> = {
  self_referral: "Approve self-referral",
  code_only: "Approve code-only sale",
  refund_currency: "Release commission",
};
const APPROVED: Readonly<Record<string, string>> = {
  self_referral: "Self-referral approved.",
  code_only: "Code-only sale approved.",
  refund_currency: "Released without the foreign refund.",
};

export function OrderActions({ order, active }: { order: OwnerOrder; active: OwnerAffiliate[] }) {
  const [target, setTarget] = useState("");
  const { state, run, busy } = useAction();
  const paid = order.payoutIds.length > 0;
  return (
    <div className="actions">
      {paid ? (
        <span className="small muted">In a payout: cannot be re-attributed.</span>
      ) : order.status !== "awaiting_sale" ? (
        <>
          <label className="visually-hidden" htmlFor={`reattribute-${order.id}`}>
            Credit {order.id} to
          </label>
          <select id={`reattribute-${order.id}`} value={target} onChange={(e) => setTarget(e.target.value)} data-testid="reattribute-select">
            <option value="">Credit to…</option>
            {active
              .filter((a) => a.id !== order.affiliateId)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName || a.name || a.email} ({a.email})
                </option>
              ))}
          </select>
          <button
            type="button"
            className="button button--small"
            disabled={busy || target === ""}
            data-testid="reattribute-button"
            onClick={() => run("reattributeOrder", { orderKey: order.id, affiliateId: target }, order.payment === 1 ? "Re-attributed with the subscription's renewals; the commissions move in a moment." : "Re-attributed; the commission moves in a moment.")}
          >
            Re-attribute
          </button>
        </>
      ) : null}
      {isAwaitingApproval(order) ? (
        <button type="button" className="button button--small button--primary" disabled={busy} data-testid="approve-flag-button" onClick={() => run("approveSelfReferral", { orderKey: order.id }, APPROVED[order.flag ?? ""] ?? "Approved.")}>
          {APPROVE_LABELS[order.flag ?? ""] ?? "Approve"}
        </button>
      ) : null}
      <ActionMessage state={state} testId="order-action-message" />
    </div>
  );
}
