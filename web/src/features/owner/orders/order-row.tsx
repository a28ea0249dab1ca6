import { paymentLabel } from "../../../../../contracts/payment-label";
import { Badge } from "../../../components/badge";
import { formatDate } from "../../../lib/format";
import { formatMoney } from "../../../lib/money";
import type { OwnerAffiliate, OwnerOrder } from "../../../types/models";
import { receiptText } from "../order-filter";
import { OrderActions } from "./order-actions";

/** Why an order's commission is held for the owner (functions/src/orders/derive.ts `OrderFlag`). */
const FLAG_LABELS: Readonly<Record<string, string>> = {
  self_referral: "self-referral",
  code_only: "code-only sale: review",
  refund_currency: "refund in another currency: review",
};

export function OrderRow({ order, names, active }: { order: OwnerOrder; names: ReadonlyMap<string, OwnerAffiliate>; active: OwnerAffiliate[] }) {
  const who = order.affiliateId ? names.get(order.affiliateId) : undefined;
  return (
    <tr data-testid="order-row" data-order-key={order.id} data-affiliate-id={order.affiliateId ?? ""} data-status={order.status ?? ""}>
      <th scope="row">
        <code className="small">{order.id}</code>
        {order.test ? <Badge tone="test">Test</Badge> : null}
        <div className="small muted">{paymentLabel(order.courseName, order.payment)}</div>
      </th>
      <td>{formatDate(order.saleAt)}</td>
      <td className="small">{order.customerEmail || "—"}</td>
      <td className="num">{order.currency ? formatMoney(order.grossMinor, order.currency) : "—"}</td>
      <td>{order.status ?? "—"}</td>
      <td data-testid="order-affiliate">{order.affiliateId ? who?.displayName || who?.name || who?.email || order.affiliateId : <span className="muted">unattributed</span>}</td>
      <td className="num" data-testid="order-commission" data-minor={order.commissionMinor}>
        {order.commissionCurrency ? formatMoney(order.commissionMinor, order.commissionCurrency) : "—"}
        {order.paidOutMinor !== 0 ? <div className="small muted">paid {formatMoney(order.paidOutMinor, order.commissionCurrency)}</div> : null}
      </td>
      <td className="small" data-testid="order-receipt">
        {receiptText(order)}
        {order.flag ? (
          <Badge tone="pending">
            {FLAG_LABELS[order.flag] ?? order.flag}
            {order.flagApproved ? " approved" : ""}
          </Badge>
        ) : null}
      </td>
      <td>
        <OrderActions order={order} active={active} />
      </td>
    </tr>
  );
}
