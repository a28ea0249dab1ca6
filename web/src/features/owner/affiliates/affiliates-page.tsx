import { useState } from "react";
import { LiveStatus } from "../../../components/live-error";
import { Section } from "../../../components/section";
import { SelectFilter } from "../../../components/select-filter";
import { useLive } from "../../../hooks/use-live";
import { listenCourses } from "../../../lib/firestore-affiliate";
import { listenAllAffiliates } from "../../../lib/firestore-owner";
import { AFFILIATE_STATUSES, type Course, type OwnerAffiliate } from "../../../types/models";
import { AffiliateRow } from "./affiliate-row";
import { InviteForm } from "./invite-form";

const STATUS_ORDER = { pending: 0, active: 1, disabled: 2, rejected: 3 } as const;
const STATUS_OPTIONS = AFFILIATE_STATUSES.map((s) => ({ value: s, label: s[0]?.toUpperCase() + s.slice(1) }));

export default function AffiliatesPage() {
  const affiliates = useLive<OwnerAffiliate[]>("owner:affiliates", listenAllAffiliates);
  const courses = useLive<Course[]>("owner:courses-brief", listenCourses);
  const [status, setStatus] = useState("");
  const [search, setSearch] = useState("");
  const list =
    affiliates.status === "ready"
      ? affiliates.data
          .filter((a) => (status === "" || a.status === status) && (search === "" || `${a.email} ${a.name} ${a.displayName} ${a.slug ?? ""}`.toLowerCase().includes(search.toLowerCase())))
          .sort((a, b) => STATUS_ORDER[a.status ?? "rejected"] - STATUS_ORDER[b.status ?? "rejected"])
      : [];
  return (
    <div data-testid="owner-affiliates">
      <Section title="Invite an affiliate">
        <InviteForm />
      </Section>
      <Section title="Affiliates" testId="affiliates">
        <div className="toolbar">
          <SelectFilter label="Status" value={status} onValue={setStatus} options={STATUS_OPTIONS} testId="affiliate-status-filter" />
          <label>
            Search <input value={search} onChange={(e) => setSearch(e.target.value)} data-testid="affiliate-search" />
          </label>
        </div>
        <LiveStatus live={affiliates} what="affiliates" />
        {affiliates.status === "ready" && list.length === 0 ? <p className="muted">No affiliates match.</p> : null}
        <ul className="links">
          {list.map((a) => (
            <AffiliateRow key={a.id} affiliate={a} courses={courses.status === "ready" ? courses.data : []} />
          ))}
        </ul>
      </Section>
    </div>
  );
}
