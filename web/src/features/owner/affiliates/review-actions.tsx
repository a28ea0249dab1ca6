import { useState } from "react";
import type { OwnerAffiliate } from "../../../types/models";
import { ActionMessage } from "../action-message";
import { useAction } from "../use-action";

type StatusAction = "approve" | "reject" | "disable" | "enable";

const LABELS: Record<StatusAction, string> = { approve: "Approve", reject: "Reject", disable: "Disable", enable: "Enable" };

/** What the owner may do next from each status. */
const NEXT: Record<string, readonly StatusAction[]> = { pending: ["approve", "reject"], rejected: ["approve"], active: ["disable"], disabled: ["enable"] };

/** Approve, reject, disable or re-enable, with an optional note. */
export function ReviewActions({ affiliate }: { affiliate: OwnerAffiliate }) {
  const [note, setNote] = useState("");
  const { state, run, busy } = useAction();
  return (
    <div className="actions">
      <label className="visually-hidden" htmlFor={`note-${affiliate.id}`}>
        Note for {affiliate.email}
      </label>
      <input id={`note-${affiliate.id}`} placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} data-testid="review-note" />
      {(NEXT[affiliate.status ?? ""] ?? []).map((action) => (
        <button
          key={action}
          type="button"
          className={`button button--small${action === "approve" || action === "enable" ? " button--primary" : ""}`}
          disabled={busy}
          data-testid={`${action}-button`}
          onClick={() => run("setAffiliateStatus", { affiliateId: affiliate.id, action, note }, `${LABELS[action]}: done.`)}
        >
          {LABELS[action]}
        </button>
      ))}
      <ActionMessage state={state} />
    </div>
  );
}
