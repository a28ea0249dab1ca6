import { useCallback, useEffect, useMemo, useState } from "react";
import { LiveStatus } from "../../components/live-error";
import { Loading } from "../../components/loading";
import { Section } from "../../components/section";
import { useLive } from "../../hooks/use-live";
import { downloadText } from "../../lib/download";
import { callFunction } from "../../lib/firebase";
import { listenAllAffiliates, listenAllPayouts, listenOwnerProgram } from "../../lib/firestore-owner";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/money";
import type { OwnerAffiliate, OwnerPayout, OwnerProgramSettings } from "../../types/models";
import { parsePayable, type PayableRow } from "./payable";
import { payeeOf, paypalCsv, wiseCsv } from "./payout-csv";
import { actionError, ActionMessage, useAction } from "./use-action";

const METHODS = ["PayPal", "Wise", "Bank transfer", "Other"] as const;

function RecordPayout({ row, onRecorded }: { row: PayableRow; onRecorded: () => void }) {
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
            (r) => (typeof r === "object" && r !== null && "created" in r && r.created === false ? "This payout was already recorded." : "Payout recorded; the affiliate gets an email."),
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

function PayableNow() {
  const [rows, setRows] = useState<{ kind: "loading" } | { kind: "ready"; rows: PayableRow[]; thresholdMinor: number } | { kind: "error"; message: string }>({ kind: "loading" });
  const load = useCallback(async () => {
    try {
      const parsed = parsePayable(await callFunction("payableNow", {}));
      setRows(parsed ? { kind: "ready", ...parsed } : { kind: "error", message: "The server answered in an unexpected shape." });
    } catch (error) {
      setRows({ kind: "error", message: actionError(error) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Section
      title="Payable now"
      testId="payable-now"
      actions={
        <button type="button" className="button button--small" onClick={() => void load()} data-testid="payable-refresh">
          Refresh
        </button>
      }
    >
      <p className="muted small">Commissions past the refund window, less refunds after earlier payouts, at or above the payout threshold. Pay the affiliate first (PayPal, Wise, bank), then record it here.</p>
      {rows.kind === "loading" ? <Loading label="Adding up balances…" /> : null}
      {rows.kind === "error" ? <p className="notice notice--error">{rows.message}</p> : null}
      {rows.kind === "ready" && rows.rows.length === 0 ? (
        <p className="muted" data-testid="payable-empty">
          Nobody has reached the payout threshold ({rows.thresholdMinor} minor units) yet.
        </p>
      ) : null}
      {rows.kind === "ready" && rows.rows.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Payable balances">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Affiliate</th>
                <th scope="col">Pay to</th>
                <th scope="col" className="num">Payable</th>
                <th scope="col" className="num">Still pending</th>
                <th scope="col">Record</th>
              </tr>
            </thead>
            <tbody>
              {rows.rows.map((row) => (
                <tr key={`${row.affiliateId}_${row.currency}`} data-testid="payable-row" data-affiliate-id={row.affiliateId} data-currency={row.currency} data-minor={row.payableMinor}>
                  <th scope="row">{row.name || row.affiliateId}</th>
                  <td className="small">{row.payoutEmail}</td>
                  <td className="num">{formatMoney(row.payableMinor, row.currency)}</td>
                  <td className="num">{formatMoney(row.pendingMinor, row.currency)}</td>
                  <td>
                    <RecordPayout row={row} onRecorded={() => void load()} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}

function PayoutHistory() {
  const payouts = useLive<OwnerPayout[]>("owner:payouts", listenAllPayouts);
  const affiliates = useLive<OwnerAffiliate[]>("owner:affiliates", listenAllAffiliates);
  const program = useLive<OwnerProgramSettings | null>("owner:program", listenOwnerProgram);
  const byId = useMemo(() => new Map((affiliates.status === "ready" ? affiliates.data : []).map((a) => [a.id, a])), [affiliates]);
  const programName = program.status === "ready" ? (program.data?.name ?? "") : "";
  const withPayee = (list: OwnerPayout[]) => list.map((payout) => ({ payout, payee: payeeOf(payout, byId.get(payout.affiliateId)) }));
  const exportAs = (kind: "paypal" | "wise", list: OwnerPayout[], name: string) =>
    downloadText(`${kind}-${name}.csv`, kind === "paypal" ? paypalCsv(withPayee(list), programName) : wiseCsv(withPayee(list), programName));

  return (
    <Section title="Recorded payouts" testId="owner-payouts">
      <LiveStatus live={payouts} what="payouts" />
      {payouts.status === "ready" && payouts.data.length === 0 ? <p className="muted">No payouts recorded yet.</p> : null}
      {payouts.status === "ready" && payouts.data.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Recorded payouts">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Affiliate</th>
                <th scope="col" className="num">Amount</th>
                <th scope="col">Method</th>
                <th scope="col">Reference</th>
                <th scope="col" className="num">Orders</th>
                <th scope="col">Batch file</th>
              </tr>
            </thead>
            <tbody>
              {payouts.data.map((p) => {
                const payee = payeeOf(p, byId.get(p.affiliateId));
                return (
                  <tr key={p.id} data-testid="owner-payout-row" data-payout-id={p.id} data-affiliate-id={p.affiliateId}>
                    <th scope="row">{formatDate(p.createdAt)}</th>
                    <td>
                      {payee.name || p.affiliateId}
                      <div className="small muted">{payee.email}</div>
                    </td>
                    <td className="num" data-minor={p.amountMinor}>
                      {formatMoney(p.amountMinor, p.currency)}
                    </td>
                    <td>{p.method}</td>
                    <td>{p.reference || "—"}</td>
                    <td className="num">{p.orderKeys.length}</td>
                    <td className="actions">
                      <button type="button" className="button button--small" data-testid="export-paypal" onClick={() => exportAs("paypal", [p], p.id)}>
                        PayPal CSV
                      </button>
                      <button type="button" className="button button--small" data-testid="export-wise" onClick={() => exportAs("wise", [p], p.id)}>
                        Wise CSV
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}

export default function PayoutsPage() {
  return (
    <div data-testid="owner-payouts-page">
      <PayableNow />
      <PayoutHistory />
    </div>
  );
}
