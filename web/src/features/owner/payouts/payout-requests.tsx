import { useMemo } from "react";
import { DataTable } from "../../../components/data-table";
import { LiveStatus } from "../../../components/live-error";
import { Section } from "../../../components/section";
import { useLive } from "../../../hooks/use-live";
import { listenAllAffiliates, listenOpenPayoutRequests } from "../../../lib/firestore-owner";
import { formatDate } from "../../../lib/format";
import { formatMoney } from "../../../lib/money";
import type { OwnerAffiliate, PayoutRequest } from "../../../types/models";

const COLUMNS = ["Asked on", "Affiliate", "Pay to", { label: "Payable when asked", numeric: true }] as const;

/** Affiliates who asked to be paid; recording their payout below closes the request. */
export function PayoutRequests() {
  const requests = useLive<PayoutRequest[]>("owner:payoutRequests", listenOpenPayoutRequests);
  const affiliates = useLive<OwnerAffiliate[]>("owner:affiliates", listenAllAffiliates);
  const byId = useMemo(() => new Map((affiliates.status === "ready" ? affiliates.data : []).map((a) => [a.id, a])), [affiliates]);
  return (
    <Section title="Payout requests" testId="payout-requests">
      <LiveStatus live={requests} what="payout requests" />
      {requests.status === "ready" && requests.data.length === 0 ? (
        <p className="muted" data-testid="payout-requests-empty">
          No open requests.
        </p>
      ) : null}
      {requests.status === "ready" && requests.data.length > 0 ? (
        <>
          <p className="muted small">Pay each affiliate, then record the payout under Payable now: that closes their request.</p>
          <DataTable label="Open payout requests" columns={COLUMNS}>
            {requests.data.map((r) => {
              const who = byId.get(r.affiliateId);
              return (
                <tr key={r.id} data-testid="payout-request-row" data-affiliate-id={r.affiliateId} data-currency={r.currency} data-minor={r.amountMinor}>
                  <th scope="row">{formatDate(r.requestedAt)}</th>
                  <td>{who ? who.displayName || who.name || who.email : r.affiliateId}</td>
                  <td className="small">{who ? who.payoutEmail || who.email : ""}</td>
                  <td className="num">{formatMoney(r.amountMinor, r.currency)}</td>
                </tr>
              );
            })}
          </DataTable>
        </>
      ) : null}
    </Section>
  );
}
