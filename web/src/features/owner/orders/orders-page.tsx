import { useMemo, useState } from "react";
import { DataTable } from "../../../components/data-table";
import { LiveStatus } from "../../../components/live-error";
import { LoadMore } from "../../../components/load-more";
import { Section } from "../../../components/section";
import { useLive } from "../../../hooks/use-live";
import { downloadText } from "../../../lib/download";
import { listenAllAffiliates, listenOwnerOrders, type OrderScope } from "../../../lib/firestore-owner";
import type { OwnerAffiliate, OwnerOrder } from "../../../types/models";
import { commissionsCsv, ordersCsv } from "../exports";
import { filterOrders, NO_FILTER, type OrderFilter } from "../order-filter";
import { OrderFilters } from "./order-filters";
import { OrderRow } from "./order-row";

const PAGE = 200;
const COLUMNS = ["Order", "Sale", "Customer", { label: "Gross", numeric: true }, "Status", "Affiliate", { label: "Commission", numeric: true }, "Attribution", "Actions"] as const;
const NO_AFFILIATES: OwnerAffiliate[] = [];

function scopeOf(affiliate: string, orderKey: string): OrderScope {
  // Document ids never contain a slash; anything else is looked up as typed.
  if (orderKey.trim() !== "" && !orderKey.includes("/")) return { kind: "key", orderKey: orderKey.trim() };
  if (affiliate === "") return { kind: "all" };
  if (affiliate === "none") return { kind: "unattributed" };
  return { kind: "affiliate", affiliateId: affiliate };
}

export default function OrdersPage() {
  const [filter, setFilter] = useState<OrderFilter>(NO_FILTER);
  const [max, setMax] = useState(PAGE);
  const [orderKey, setOrderKey] = useState("");
  const scope = scopeOf(filter.affiliate, orderKey);
  const affiliates = useLive<OwnerAffiliate[]>("owner:affiliates", listenAllAffiliates);
  const orders = useLive<OwnerOrder[]>(`owner:orders:${JSON.stringify(scope)}:${max}`, (next, onError) => listenOwnerOrders(scope, max, next, onError));
  const all = affiliates.status === "ready" ? affiliates.data : NO_AFFILIATES;
  const names = useMemo(() => new Map(all.map((a) => [a.id, a])), [all]);
  const active = useMemo(() => all.filter((a) => a.status === "active").sort((a, b) => a.email.localeCompare(b.email)), [all]);
  const shown = orders.status === "ready" ? filterOrders(orders.data, filter) : [];
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
        <OrderFilters filter={filter} onFilter={(patch) => setFilter((f) => ({ ...f, ...patch }))} orderKey={orderKey} onOrderKey={setOrderKey} affiliates={all} />
        <LiveStatus live={orders} what="orders" />
        {orders.status === "ready" && shown.length === 0 ? (
          <p className="muted" data-testid="orders-empty">
            No orders match.
          </p>
        ) : null}
        {shown.length > 0 ? (
          <DataTable label="Orders table" caption="Orders, newest sale first, with their attribution receipt." columns={COLUMNS} compact>
            {shown.map((o) => (
              <OrderRow key={o.id} order={o} names={names} active={active} />
            ))}
          </DataTable>
        ) : null}
        <LoadMore live={orders} max={max} onMore={() => setMax(max + PAGE)} testId="orders-more" />
      </Section>
    </div>
  );
}
