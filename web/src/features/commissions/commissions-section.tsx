import { LiveStatus } from "../../components/live-error";
import { Section } from "../../components/section";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../../lib/money";
import type { Commission } from "../../types/models";
import { effectiveStatus, STATUS_LABELS } from "./effective-status";
import { useCommissionPages } from "./use-commission-pages";

function CommissionRow({ commission, now }: { commission: Commission; now: Date }) {
  const status = effectiveStatus(commission, now);
  const adjusted = commission.commissionMinor !== commission.originalCommissionMinor;
  return (
    <tr data-testid="commission-row" data-order-key={commission.orderKey} data-status={status}>
      <th scope="row" className="cell-course">
        {commission.courseName || commission.courseId}
        {commission.test ? <span className="badge badge--test">Test</span> : null}
      </th>
      <td>{formatDate(commission.saleAt)}</td>
      <td className="num">{formatMoney(commission.saleMinor, commission.currency)}</td>
      <td className="num" data-testid="commission-amount" data-minor={commission.commissionMinor}>
        {formatMoney(commission.commissionMinor, commission.currency)}
        {adjusted ? (
          <span className="muted small">
            {" "}
            (was <s>{formatMoney(commission.originalCommissionMinor, commission.currency)}</s>)
          </span>
        ) : null}
      </td>
      <td>
        <span className={`badge badge--${status}`} data-testid="commission-status">
          {STATUS_LABELS[status]}
        </span>
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
    <Section title="Commissions" testId="commissions">
      <LiveStatus live={page} what="commissions" />
      {page.status === "ready" && items.length === 0 ? (
        <p className="muted" data-testid="commissions-empty">
          {pageNumber === 1 ? "No commissions yet." : "No more commissions."}
        </p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Commissions table">
          <table className="table">
            <caption className="visually-hidden">Your commissions, newest sale first. Page {pageNumber}.</caption>
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col">Sale date</th>
                <th scope="col" className="num">
                  Sale
                </th>
                <th scope="col" className="num">
                  Commission
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody aria-live="polite">
              {items.map((c) => (
                <CommissionRow key={c.id} commission={c} now={now} />
              ))}
            </tbody>
          </table>
        </div>
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
