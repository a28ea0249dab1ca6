import { useEffect, useState } from "react";
import { DataTable } from "../../../components/data-table";
import { Loading } from "../../../components/loading";
import { Section } from "../../../components/section";
import type { PayableRow } from "../../../../../contracts/callables/index";
import { useLive } from "../../../hooks/use-live";
import { call } from "../../../lib/firebase-callables";
import { listenOwnerProgram } from "../../../lib/firestore-owner";
import { formatMoney } from "../../../lib/money";
import type { ProgramSettings } from "../../../types/models";
import { actionError } from "../use-action";
import { RecordPayout } from "./record-payout";

type Payable = { kind: "loading" } | { kind: "ready"; rows: PayableRow[]; thresholdMinor: number } | { kind: "error"; message: string };

const COLUMNS = ["Affiliate", "Pay to", { label: "Payable", numeric: true }, { label: "Still pending", numeric: true }, "Record"] as const;

/** `payableNow` is a callable, not a listener: it is asked again on Refresh and after each payout. */
function usePayable(): [Payable, () => void] {
  const [payable, setPayable] = useState<Payable>({ kind: "loading" });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let current = true;
    call("payableNow", null).then(
      ({ rows, thresholdMinor }) => {
        if (current) setPayable({ kind: "ready", rows, thresholdMinor });
      },
      (error: unknown) => {
        if (current) setPayable({ kind: "error", message: actionError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [asked]);
  return [payable, () => setAsked((n) => n + 1)];
}

export function PayableNow() {
  const [payable, refresh] = usePayable();
  const program = useLive<ProgramSettings | null>("owner:program", listenOwnerProgram);
  const currency = program.status === "ready" ? (program.data?.currency ?? "USD") : "USD";
  return (
    <Section
      title="Payable now"
      testId="payable-now"
      actions={
        <button type="button" className="button button--small" onClick={refresh} data-testid="payable-refresh">
          Refresh
        </button>
      }
    >
      <p className="muted small">Commissions past the refund window, less refunds after earlier payouts, at or above the payout threshold. Pay the affiliate first (PayPal, Wise, bank), then record it here.</p>
      {payable.kind === "loading" ? <Loading label="Adding up balances…" /> : null}
      {payable.kind === "error" ? <p className="notice tone-error">{payable.message}</p> : null}
      {payable.kind === "ready" && payable.rows.length === 0 ? (
        <p className="muted" data-testid="payable-empty">
          Nobody has reached the payout threshold ({formatMoney(payable.thresholdMinor, currency)}) yet.
        </p>
      ) : null}
      {payable.kind === "ready" && payable.rows.length > 0 ? (
        <DataTable label="Payable balances" columns={COLUMNS}>
          {payable.rows.map((row) => (
            <tr key={`${row.affiliateId}_${row.currency}`} data-testid="payable-row" data-affiliate-id={row.affiliateId} data-currency={row.currency} data-minor={row.payableMinor}>
              <th scope="row">{row.name || row.affiliateId}</th>
              <td className="small">{row.payoutEmail}</td>
              <td className="num">{formatMoney(row.payableMinor, row.currency)}</td>
              <td className="num">{formatMoney(row.pendingMinor, row.currency)}</td>
              <td>
                <RecordPayout row={row} onRecorded={refresh} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Section>
  );
}
