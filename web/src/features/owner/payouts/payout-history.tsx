import { useMemo } from "react";
import { DataTable } from "../../../components/data-table";
import { LiveStatus } from "../../../components/live-error";
import { Section } from "../../../components/section";
import { useLive } from "../../../hooks/use-live";
import { downloadText } from "../../../lib/download";
import { listenAllAffiliates, listenAllPayouts, listenOwnerProgram } from "../../../lib/firestore-owner";
import { formatDate } from "../../../lib/format";
import { formatMoney } from "../../../lib/money";
import type { OwnerAffiliate, OwnerPayout, ProgramSettings } from "../../../types/models";
import { payeeOf, paypalCsv, wiseCsv } from "../payout-csv";

const COLUMNS = ["Date", "Affiliate", { label: "Amount", numeric: true }, "Method", "Reference", { label: "Orders", numeric: true }, "Batch file"] as const;

/** Every recorded payout, each with a PayPal or Wise batch file to upload. */
export function PayoutHistory() {
  const payouts = useLive<OwnerPayout[]>("owner:payouts", listenAllPayouts);
  const affiliates = useLive<OwnerAffiliate[]>("owner:affiliates", listenAllAffiliates);
  const program = useLive<ProgramSettings | null>("owner:program", listenOwnerProgram);
  const byId = useMemo(() => new Map((affiliates.status === "ready" ? affiliates.data : []).map((a) => [a.id, a])), [affiliates]);
  const programName = program.status === "ready" ? (program.data?.name ?? "") : "";
  const exportAs = (kind: "paypal" | "wise", payout: OwnerPayout) => {
    const batch = [{ payout, payee: payeeOf(payout, byId.get(payout.affiliateId)) }];
    downloadText(`${kind}-${payout.id}.csv`, kind === "paypal" ? paypalCsv(batch, programName) : wiseCsv(batch, programName));
  };

  return (
    <Section title="Recorded payouts" testId="owner-payouts">
      <LiveStatus live={payouts} what="payouts" />
      {payouts.status === "ready" && payouts.data.length === 0 ? <p className="muted">No payouts recorded yet.</p> : null}
      {payouts.status === "ready" && payouts.data.length > 0 ? (
        <DataTable label="Recorded payouts" columns={COLUMNS}>
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
                  <button type="button" className="button button--small" data-testid="export-paypal" onClick={() => exportAs("paypal", p)}>
                    PayPal CSV
                  </button>
                  <button type="button" className="button button--small" data-testid="export-wise" onClick={() => exportAs("wise", p)}>
                    Wise CSV
                  </button>
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
    </Section>
  );
}
