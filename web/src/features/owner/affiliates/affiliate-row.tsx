import { useState } from "react";
import { Link } from "react-router-dom";
import { paths } from "../../../config/paths";
import { Badge } from "../../../components/badge";
import { formatBps, formatDate } from "../../../lib/format";
import type { Course, OwnerAffiliate } from "../../../types/models";
import { AffiliateLinks } from "./affiliate-links";
import { ReviewActions } from "./review-actions";
import { TermsForm } from "./terms-form";

export function AffiliateRow({ affiliate, courses }: { affiliate: OwnerAffiliate; courses: Course[] }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="card" data-testid="affiliate-row" data-affiliate-id={affiliate.id} data-email={affiliate.email} data-status={affiliate.status ?? ""}>
      <div className="section__head">
        <h3>
          <Link to={`${paths.owner.href()}/affiliates/${affiliate.id}`} data-testid="affiliate-page-link">
            {affiliate.displayName || affiliate.name || affiliate.email}
          </Link>{" "}
          <Badge tone={affiliate.status === "pending" || affiliate.status === null ? "pending" : undefined}>{affiliate.status ?? "unknown"}</Badge>
        </h3>
        <button type="button" className="button button--small" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="manage-button">
          {open ? "Close" : "Manage"}
        </button>
      </div>
      <p className="small">
        {affiliate.email} · joined {formatDate(affiliate.createdAt)} · rate {affiliate.rateBps === null ? "program default" : formatBps(affiliate.rateBps)}
        {affiliate.slug ? ` · slug ${affiliate.slug}` : ""} · id <code>{affiliate.id}</code>
      </p>
      {affiliate.status === "pending" ? (
        <p className="small">
          Website: {affiliate.website || "—"}
          <br />
          Promotion: {affiliate.promotion || "—"}
        </p>
      ) : null}
      {affiliate.note ? <p className="small muted">Note: {affiliate.note}</p> : null}
      <ReviewActions affiliate={affiliate} />
      {open ? (
        <div data-testid="affiliate-details">
          <TermsForm affiliate={affiliate} courses={courses} />
          <h4>Links</h4>
          <AffiliateLinks affiliate={affiliate} courses={courses} />
        </div>
      ) : null}
    </li>
  );
}
