import { DataTable } from "../../components/data-table";
import { LiveStatus } from "../../components/live-error";
import { Section } from "../../components/section";
import { useLive } from "../../hooks/use-live";
import { listenPayouts } from "../../lib/firestore-affiliate";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/money";
import type { Payout } from "../../types/models";

const COLUMNS = ["Date", { label: "Amount", numeric: true }, "Method", "Reference", { label: "Sales", numeric: true }] as const;

export function PayoutsSection({ uid }: { uid: string }) {
  const payouts = useLive<Payout[]>(`payouts:${uid}`, (next, onError) => listenPayouts(uid, next, onError));
  return (
    <Section title="Payouts received" testId="payouts">
      <LiveStatus live={payouts} what="payouts" />
      {payouts.status === "ready" && payouts.data.length === 0 ? <p className="muted">No payouts yet.</p> : null}
      {payouts.status === "ready" && payouts.data.length > 0 ? (
        <DataTable label="Payouts table" caption="Payouts you have received, newest first." columns={COLUMNS} live>
          {payouts.data.map((p) => (
            <tr key={p.id} data-testid="payout-row" data-payout-id={p.id}>
              <th scope="row">{formatDate(p.createdAt)}</th>
              <td className="num" data-minor={p.amountMinor}>
                {formatMoney(p.amountMinor, p.currency)}
              </td>
              <td>{p.method || "—"}</td>
              <td>{p.reference || "—"}</td>
              <td className="num">{p.orderKeys.length}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Section>
  );
}
