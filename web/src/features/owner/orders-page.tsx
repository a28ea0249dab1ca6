import { useMemo, useState } from "react";
import { LiveStatus } from "../../components/live-error";
import { Section } from "../../components/section";
import { useLive } from "../../hooks/use-live";
import { downloadText } from "../../lib/download";
import { listenAllAffiliates, listenOwnerOrders, type OrderScope } from "../../lib/firestore-owner";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/money";
import { ORDER_STATUSES, PLATFORM_IDS, type OwnerAffiliate, type OwnerOrder } from "../../types/models";
import { commissionsCsv, ordersCsv } from "./exports";
import { filterOrders, isAwaitingApproval, NO_FILTER, receiptText, type OrderFilter } from "./order-filter";
import { ActionMessage, useAction } from "./use-action";

const PAGE = 200;

function scopeOf(affiliate: string, orderKey: string): OrderScope {
  // Document ids never contain a slash; anything else is looked up as typed.
  if (orderKey.trim() !== "" && !orderKey.includes("/")) return { kind: "key", orderKey: orderKey.trim() };
  if (affiliate === "") return { kind: "all" };
  if (affiliate === "none") return { kind: "unattributed" };
  return { kind: "affiliate", affiliateId: affiliate };
}

function OrderActions({ order, active }: { order: OwnerOrder; active: OwnerAffiliate[] }) {
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
            onClick={() => run("reattributeOrder", { orderKey: order.id, affiliateId: target }, "Re-attributed; the commission moves in a moment.")}
          >
            Re-attribute
          </button>
        </>
      ) : null}
      {isAwaitingApproval(order) ? (
        <button type="button" className="button button--small button--primary" disabled={busy} data-testid="approve-flag-button" onClick={() => run("approveSelfReferral", { orderKey: order.id }, "Self-referral approved.")}>
          Approve self-referral
        </button>
      ) : null}
      <ActionMessage state={state} testId="order-action-message" />
    </div>
  );
}

function OrderRow({ order, names, active }: { order: OwnerOrder; names: Map<string, OwnerAffiliate>; active: OwnerAffiliate[] }) {
  const who = order.affiliateId ? names.get(order.affiliateId) : undefined;
  return (
    <tr data-testid="order-row" data-order-key={order.id} data-affiliate-id={order.affiliateId ?? ""} data-status={order.status ?? ""}>
      <th scope="row">
        <code className="small">{order.id}</code>
        {order.test ? <span className="badge badge--test">Test</span> : null}
        <div className="small muted">{order.courseName}</div>
      </th>
      <td>{formatDate(order.saleAt)}</td>
      <td className="small">{order.customerEmail || "—"}</td>
      <td className="num">{order.currency ? formatMoney(order.grossMinor, order.currency) : "—"}</td>
      <td>{order.status ?? "—"}</td>
      <td data-testid="order-affiliate">{order.affiliateId ? (who?.displayName || who?.name || who?.email || order.affiliateId) : <span className="muted">unattributed</span>}</td>
      <td className="num" data-testid="order-commission" data-minor={order.commissionMinor}>
        {order.commissionCurrency ? formatMoney(order.commissionMinor, order.commissionCurrency) : "—"}
        {order.paidOutMinor !== 0 ? <div className="small muted">paid {formatMoney(order.paidOutMinor, order.commissionCurrency)}</div> : null}
      </td>
      <td className="small" data-testid="order-receipt">
        {receiptText(order)}
        {order.flag ? <span className="badge badge--pending">{order.flagApproved ? "self-referral approved" : "self-referral"}</span> : null}
      </td>
      <td>
        <OrderActions order={order} active={active} />
      </td>
    </tr>
  );
}

export default function OrdersPage() {
  const [filter, setFilter] = useState<OrderFilter>(NO_FILTER);
  const [max, setMax] = useState(PAGE);
  const [orderKey, setOrderKey] = useState("");
  const scope = scopeOf(filter.affiliate, orderKey);
  const affiliates = useLive<OwnerAffiliate[]>("owner:affiliates", listenAllAffiliates);
  const orders = useLive<OwnerOrder[]>(`owner:orders:${JSON.stringify(scope)}:${max}`, (next, onError) => listenOwnerOrders(scope, max, next, onError));
  const all = affiliates.status === "ready" ? affiliates.data : [];
  const names = useMemo(() => new Map(all.map((a) => [a.id, a])), [all]);
  const active = useMemo(() => all.filter((a) => a.status === "active").sort((a, b) => a.email.localeCompare(b.email)), [all]);
  const shown = orders.status === "ready" ? filterOrders(orders.data, filter) : [];
  const set = (patch: Partial<OrderFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <div data-testid="owner-orders">
      <Section
        title="Orders"
        testId="orders"
        actions={
          <div className="actions">
            <button type="button" className="button button--small" disabled={shown.length === 0} data-testid="export-orders" onClick={() => downloadText(`orders-${stamp}.csv`, ordersCsv(shown, names))}>
              Export orders (CSV)
            </button>
            <button type="button" className="button button--small" disabled={shown.length === 0} data-testid="export-commissions" onClick={() => downloadText(`commissions-${stamp}.csv`, commissionsCsv(shown, names))}>
              Export commissions (CSV)
            </button>
          </div>
        }
      >
        <div className="toolbar">
          <label>
            Platform{" "}
            <select value={filter.platform} onChange={(e) => set({ platform: e.target.value })} data-testid="filter-platform">
              <option value="">All</option>
              {PLATFORM_IDS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label>
            Affiliate{" "}
            <select value={filter.affiliate} onChange={(e) => set({ affiliate: e.target.value })} data-testid="filter-affiliate">
              <option value="">All</option>
              <option value="none">Unattributed</option>
              {[...all].sort((a, b) => a.email.localeCompare(b.email)).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.email}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status{" "}
            <select value={filter.status} onChange={(e) => set({ status: e.target.value })} data-testid="filter-status">
              <option value="">All</option>
              {ORDER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Order key <input value={orderKey} onChange={(e) => setOrderKey(e.target.value)} placeholder="lemonsqueezy_1001" data-testid="filter-order-key" />
          </label>
          <label>
            <input type="checkbox" checked={filter.flaggedOnly} onChange={(e) => set({ flaggedOnly: e.target.checked })} data-testid="filter-flagged" /> Flagged only
          </label>
        </div>
        <LiveStatus live={orders} what="orders" />
        {orders.status === "ready" && shown.length === 0 ? <p className="muted" data-testid="orders-empty">No orders match.</p> : null}
        {shown.length > 0 ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Orders table">
            <table className="table table--compact">
              <caption className="visually-hidden">Orders, newest sale first, with their attribution receipt.</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Sale</th>
                  <th scope="col">Customer</th>
                  <th scope="col" className="num">Gross</th>
                  <th scope="col">Status</th>
                  <th scope="col">Affiliate</th>
                  <th scope="col" className="num">Commission</th>
                  <th scope="col">Attribution</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((o) => (
                  <OrderRow key={o.id} order={o} names={names} active={active} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {orders.status === "ready" && orders.data.length >= max ? (
          <button type="button" className="button" onClick={() => setMax(max + PAGE)} data-testid="orders-more">
            Load more
          </button>
        ) : null}
      </Section>
    </div>
  );
}
