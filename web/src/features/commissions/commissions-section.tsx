import { paymentLabel } from "../../../../contracts/payment-label";
import { Badge } from "../../components/badge";
import { columnLabel, DataTable } from "../../components/data-table";
import { LiveStatus } from "../../components/live-error";
import { Section } from "../../components/section";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/money";
import type { Commission } from "../../types/models";
import { DownloadCsv } from "./download-csv";
import { effectiveStatus, STATUS_LABELS } from "./effective-status";
import { useCommissionPages } from "./use-commission-pages";
import "./commissions-section.css";

const COLUMNS = ["Course", "Sale date", { label: "Sale", numeric: true }, { label: "Commission", numeric: true }, "Status"] as const;
const [, DATE, SALE, COMMISSION, STATUS] = COLUMNS.map(columnLabel);

function CommissionRow({ commission, now }: { commission: Commission; now: Date }) {
  const status = effectiveStatus(commission, now);
  const adjusted = commission.commissionMinor !== commission.originalCommissionMinor;
  return (
    <tr data-testid="commission-row" data-order-key={commission.orderKey} data-status={status}>
      <th scope="row">
        {paymentLabel(commission.courseName || commission.courseId, commission.payment)}
        {commission.test ? <Badge tone="test">Test</Badge> : null}
      </th>
      <td data-label={DATE}>{formatDate(commission.saleAt)}</td>
      <td className="num" data-label={SALE}>
        {formatMoney(commission.saleMinor, commission.currency)}
      </td>
      <td className="num" data-label={COMMISSION} data-testid="commission-amount" data-minor={commission.commissionMinor}>
        {formatMoney(commission.commissionMinor, commission.currency)}
        {adjusted ? (
          <span className="muted small">
            {" "}
            (was <s>{formatMoney(commission.originalCommissionMinor, commission.currency)}</s>)
          </span>
        ) : null}
      </td>
      <td data-label={STATUS}>
        <Badge tone={status} testId="commission-status">
          {STATUS_LABELS[status]}
        </Badge>
        {status === "pending" && commission.payableAt ? (
          <span className="small muted payable-on" data-testid="payable-on">
            payable on {formatDate(commission.payableAt)}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function CommissionsSection({ uid, now }: { uid: string; now: Date }) {
  const { page, pageNumber, hasNext, hasPrevious, next, previous } = useCommissionPages(uid);
  const items = page.status === "ready" ? page.data.items : [];
  return (
    <Section title="Commissions" testId="commissions" actions={<DownloadCsv uid={uid} now={now} />}>
      <LiveStatus live={page} what="commissions" />
      {page.status === "ready" && items.length === 0 ? (
        <p className="muted" data-testid="commissions-empty">
          {pageNumber === 1 ? "No commissions yet." : "No more commissions."}
        </p>
      ) : null}
      {items.length > 0 ? (
        <DataTable label="Commissions table" caption={`Your commissions, newest sale first. Page ${pageNumber}.`} columns={COLUMNS} live stacked>
          {items.map((c) => (
            <CommissionRow key={c.id} commission={c} now={now} />
          ))}
        </DataTable>
      ) : null}
      {hasPrevious || hasNext ? (
        <nav className="pager" aria-label="Commission pages">
          <button type="button" className="button" onClick={previous} disabled={!hasPrevious} data-testid="commissions-prev">
            Newer
          </button>
          <span className="muted">Page {pageNumber}</span>
          <button type="button" className="button" onClick={next} disabled={!hasNext} data-testid="commissions-next">
            Older
          </button>
        </nav>
      ) : null}
    </Section>
  );
}
