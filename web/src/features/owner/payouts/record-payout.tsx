import { useState } from "react";
import { formatMoney } from "../../../lib/money";
import { ActionMessage } from "../action-message";
import type { PayableRow } from "../../../../../contracts/callables/index";
import { useAction } from "../use-action";

const METHODS = ["PayPal", "Wise", "Bank transfer", "Other"] as const;

/** Records that the owner has paid a payable balance outside the system. */
export function RecordPayout({ row, onRecorded }: { row: PayableRow; onRecorded: () => void }) {
  const [method, setMethod] = useState<string>(METHODS[0]);
  const [reference, setReference] = useState("");
  // One key per intended payout: a retry after a lost answer records nothing twice.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const { state, run, busy } = useAction();
  return (
    <div className="actions">
      <select aria-label="Payout method" value={method} onChange={(e) => setMethod(e.target.value)} data-testid="payout-method">
        {METHODS.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <input aria-label="Transfer reference" placeholder="Reference" value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} data-testid="payout-reference" />
      <button
        type="button"
        className="button button--small button--primary"
        disabled={busy}
        data-testid="record-payout"
        onClick={async () => {
          const result = await run(
            "recordPayout",
            { affiliateId: row.affiliateId, currency: row.currency, method, reference: reference.trim(), idempotencyKey: key },
            (recorded) => (recorded.created ? "Payout recorded; the affiliate gets an email." : "This payout was already recorded."),
          );
          if (result !== undefined) {
            setKey(crypto.randomUUID());
            onRecorded();
          }
        }}
      >
        {busy ? "Recording…" : `Record ${formatMoney(row.payableMinor, row.currency)} paid`}
      </button>
      <ActionMessage state={state} testId="record-payout-message" />
    </div>
  );
}
