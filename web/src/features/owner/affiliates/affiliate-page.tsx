import { Link, useParams } from "react-router-dom";
import { balancesAt } from "../../../../../contracts/ledger";
import { Badge } from "../../../components/badge";
import { DataTable } from "../../../components/data-table";
import { LiveStatus } from "../../../components/live-error";
import { Section } from "../../../components/section";
import { SvgChart } from "../../../components/svg-chart";
import { paths } from "../../../config/paths";
import { useLive } from "../../../hooks/use-live";
import { useNow } from "../../../hooks/use-now";
import { dayKey, formatDay, lastDays, monthsOf } from "../../../lib/days";
import { listenClickStats, listenLedgers, listenPayouts } from "../../../lib/firestore-affiliate";
import { listenAffiliateHistory, listenAffiliateNote, listenOwnerAffiliate, listenOwnerOrders, type AuditItem } from "../../../lib/firestore-owner";
import { formatBps, formatDate } from "../../../lib/format";
import { formatMoney } from "../../../lib/money";
import type { AffiliateProfile, ClickStat, LedgerShard, OwnerOrder, Payout } from "../../../types/models";
import "../overview/overview.css";

const ORDERS = 50;
const CLICK_DAYS = 90;
const count = new Intl.NumberFormat();

/** Everything about one affiliate in one place: /owner/affiliates/:affiliateId. */
export default function AffiliatePage() {
  const { affiliateId = "" } = useParams();
  const now = useNow();
  const today = dayKey(now);
  const days = lastDays(today, CLICK_DAYS);
  const profile = useLive<AffiliateProfile | null>(`owner-affiliate:${affiliateId}`, (next, onError) => listenOwnerAffiliate(affiliateId, next, onError));
  const note = useLive<string>(`owner-note:${affiliateId}`, (next, onError) => listenAffiliateNote(affiliateId, next, onError));
  const ledgers = useLive<LedgerShard[]>(`owner-ledgers:${affiliateId}`, (next, onError) => listenLedgers(affiliateId, next, onError));
  const orders = useLive<OwnerOrder[]>(`owner-affiliate-orders:${affiliateId}`, (next, onError) => listenOwnerOrders({ kind: "affiliate", affiliateId }, ORDERS, next, onError));
  const clicks = useLive<ClickStat[]>(`owner-clicks:${affiliateId}:${today}`, (next, onError) => listenClickStats(affiliateId, monthsOf(days), next, onError));
  const payouts = useLive<Payout[]>(`owner-payouts:${affiliateId}`, (next, onError) => listenPayouts(affiliateId, next, onError));
  const history = useLive<AuditItem[]>(`owner-history:${affiliateId}`, (next, onError) => listenAffiliateHistory(affiliateId, next, onError));

  const me = profile.status === "ready" ? profile.data : null;
  const balances = ledgers.status === "ready" ? Object.entries(balancesAt(ledgers.data, now)) : [];
  const clicksByDay = new Map<string, number>();
  if (clicks.status === "ready") {
    for (const stat of clicks.data) for (const [dd, c] of Object.entries(stat.days)) clicksByDay.set(`${stat.month}-${dd}`, (clicksByDay.get(`${stat.month}-${dd}`) ?? 0) + c.clicks);
  }
  const clickPoints = days.map((day) => ({ day, value: clicksByDay.get(day) ?? 0 }));

  return (
    <div className="overview" data-testid="owner-affiliate-page" data-affiliate-id={affiliateId}>
      <p>
        <Link to={`${paths.owner.href()}/affiliates`}>← All affiliates</Link>
      </p>
      <Section title={me ? me.displayName || me.name || me.email : "Affiliate"} testId="affiliate-profile">
        <LiveStatus live={profile} what="the affiliate" />
        {profile.status === "ready" && me === null ? <p className="muted">No affiliate has this id.</p> : null}
        {me ? (
          <p className="small">
            <Badge tone={me.status === "pending" ? "pending" : undefined}>{me.status ?? "unknown"}</Badge> {me.email} · rate {me.rateBps === null ? "program default" : formatBps(me.rateBps)}
            {me.slug ? ` · slug ${me.slug}` : ""} · id <code>{me.id}</code>
          </p>
        ) : null}
        <p className="small" data-testid="affiliate-note">
          Your note: {note.status === "ready" && note.data ? note.data : <span className="muted">none</span>}
        </p>
      </Section>

      <Section title="Balances" testId="affiliate-balances">
        <LiveStatus live={ledgers} what="balances" />
        {ledgers.status === "ready" && balances.length === 0 ? <p className="muted">No commissions yet.</p> : null}
        {balances.map(([currency, b]) => (
          <dl key={currency} className="stats" data-testid={`affiliate-balance-${currency}`}>
            {[
              ["Pending", b.pendingMinor, "pending"],
              ["Payable", b.payableMinor, "payable"],
              ["Paid", b.paidMinor, "paid"],
              ["Earned", b.earnedMinor, "earned"],
              ...(b.flaggedMinor !== 0 ? ([["Held for review", b.flaggedMinor, "flagged"]] as const) : []),
            ].map(([label, minor, key]) => (
              <div key={key}>
                <dt>
                  {label} ({currency})
                </dt>
                <dd data-testid={`affiliate-${key}-${currency}`}>{formatMoney(Number(minor), currency)}</dd>
              </div>
            ))}
            <div>
              <dt>Sales</dt>
              <dd data-testid={`affiliate-sales-${currency}`}>{count.format(b.sales)}</dd>
            </div>
          </dl>
        ))}
      </Section>

      <Section title={`Clicks, last ${CLICK_DAYS} days`} testId="affiliate-clicks">
        <LiveStatus live={clicks} what="clicks" />
        <SvgChart title="Clicks" kind="bars" points={clickPoints} format={(v) => count.format(v)} testId="affiliate-chart-clicks" />
      </Section>

      <Section title="Orders" testId="affiliate-orders">
        <LiveStatus live={orders} what="orders" />
        {orders.status === "ready" && orders.data.length === 0 ? <p className="muted">No orders credited yet.</p> : null}
        {orders.status === "ready" && orders.data.length > 0 ? (
          <DataTable label="Orders credited to this affiliate" columns={["Order", "Sale", "Course", "Status", { label: "Net", numeric: true }, { label: "Commission", numeric: true }]} compact>
            {orders.data.map((o) => (
              <tr key={o.id} data-testid="affiliate-order-row" data-order-key={o.id}>
                <th scope="row">
                  <Link to={`${paths.owner.href()}/orders`}>{o.id}</Link>
                </th>
                <td>{formatDate(o.saleAt)}</td>
                <td>{o.courseName || "—"}</td>
                <td>{o.status ?? "—"}</td>
                <td className="num">{o.baseCurrency ? formatMoney(o.netMinor, o.baseCurrency) : "—"}</td>
                <td className="num" data-testid="affiliate-order-commission">
                  {o.commissionCurrency ? formatMoney(o.commissionMinor, o.commissionCurrency) : "—"}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {orders.status === "ready" && orders.data.length === ORDERS ? <p className="small muted">The latest {ORDERS}; Orders lists them all.</p> : null}
      </Section>

      <Section title="Payouts" testId="affiliate-payouts">
        <LiveStatus live={payouts} what="payouts" />
        {payouts.status === "ready" && payouts.data.length === 0 ? <p className="muted">No payouts yet.</p> : null}
        {payouts.status === "ready" && payouts.data.length > 0 ? (
          <DataTable label="Payouts to this affiliate" columns={["Date", "Method", "Reference", { label: "Amount", numeric: true }]} compact>
            {payouts.data.map((p) => (
              <tr key={p.id} data-testid="affiliate-payout-row" data-payout-id={p.id}>
                <th scope="row">{formatDate(p.createdAt)}</th>
                <td>{p.method}</td>
                <td>{p.reference || "—"}</td>
                <td className="num">{formatMoney(p.amountMinor, p.currency)}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Section>

      <Section title="History" testId="affiliate-history">
        <LiveStatus live={history} what="history" />
        {history.status === "ready" && history.data.length === 0 ? <p className="muted">No changes recorded.</p> : null}
        <ul className="small">
          {history.status === "ready"
            ? history.data.map((h) => (
                <li key={h.id} data-testid="affiliate-history-row">
                  {h.at ? formatDay(dayKey(h.at)) : "—"}: {h.action} {h.by ? `by ${h.by}` : ""}
                </li>
              ))
            : null}
        </ul>
      </Section>
    </div>
  );
}
