import { useState } from "react";
import { LiveStatus } from "../../../components/live-error";
import { LoadMore } from "../../../components/load-more";
import { Section } from "../../../components/section";
import { useLive } from "../../../hooks/use-live";
import { formatDate } from "../../../lib/format";
import { listenApplications } from "../../../lib/firestore-owner";
import type { OwnerApplication } from "../../../types/models";
import { ActionMessage } from "../action-message";
import { useAction } from "../use-action";

// deleteApplications takes at most one page of ids (contracts/callables/applications.ts).
const PAGE = 200;

/** One application: what the applicant wrote, a checkbox for bulk deletion, and approval. */
function ApplicationRow({ application, selected, onSelect }: { application: OwnerApplication; selected: boolean; onSelect: (on: boolean) => void }) {
  const { state, run, busy } = useAction();
  return (
    <li className="card" data-testid="application-row" data-application-id={application.id} data-email={application.email}>
      <div className="section__head">
        <label>
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} data-testid="application-select" /> <strong>{application.name}</strong> {application.email}
        </label>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={busy}
          data-testid="application-approve"
          onClick={() => run("approveApplication", { applicationId: application.id, note: "" }, "Approved: the affiliate is active and gets a welcome email.")}
        >
          Approve
        </button>
      </div>
      <p className="small">
        Applied {formatDate(application.createdAt)} · Website: {application.website || "—"}
        <br />
        Promotion: {application.promotion || "—"}
      </p>
      <ActionMessage state={state} />
    </li>
  );
}

/**
 * Applications from the public form, newest first. Approving one creates the affiliate; spam is
 * selected and deleted in bulk (nothing is created for it, so nothing else needs cleaning up).
 */
export default function ApplicationsPage() {
  const [max, setMax] = useState(PAGE);
  const live = useLive<OwnerApplication[]>(`owner:applications:${max}`, (next, onError) => listenApplications(max, next, onError));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const remove = useAction();
  const shown = live.status === "ready" ? live.data : [];
  const chosen = shown.filter((a) => selected.has(a.id)).map((a) => a.id);
  const select = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <Section title="Applications" testId="applications">
      <p className="muted small">Applicants have no account until you approve them. Deleting an application sends nothing.</p>
      <div className="toolbar">
        <label>
          <input
            type="checkbox"
            checked={shown.length > 0 && chosen.length === shown.length}
            onChange={(e) => setSelected(new Set(e.target.checked ? shown.map((a) => a.id) : []))}
            data-testid="applications-select-all"
          />{" "}
          Select all shown
        </label>
        <button
          type="button"
          className="button button--small"
          disabled={chosen.length === 0 || remove.busy}
          data-testid="applications-delete"
          onClick={async () => {
            const result = await remove.run("deleteApplications", { applicationIds: chosen.slice(0, PAGE) }, (r) => `Deleted ${r.deleted} application${r.deleted === 1 ? "" : "s"}.`);
            if (result !== undefined) setSelected(new Set());
          }}
        >
          Delete selected ({chosen.length})
        </button>
        <ActionMessage state={remove.state} testId="applications-message" />
      </div>
      <LiveStatus live={live} what="applications" />
      {live.status === "ready" && shown.length === 0 ? <p className="muted">No applications waiting.</p> : null}
      <ul className="links">
        {shown.map((a) => (
          <ApplicationRow key={a.id} application={a} selected={selected.has(a.id)} onSelect={(on) => select(a.id, on)} />
        ))}
      </ul>
      <LoadMore live={live} max={max} onMore={() => setMax(max + PAGE)} />
    </Section>
  );
}
