import { useState } from "react";
import { CopyButton } from "../../components/copy-button";
import { Field } from "../../components/field";
import { LiveStatus } from "../../components/live-error";
import { Section } from "../../components/section";
import { useLive } from "../../hooks/use-live";
import { listenCourses } from "../../lib/firestore-affiliate";
import { listenAllAffiliates } from "../../lib/firestore-owner";
import { formatDate, formatBps } from "../../lib/format";
import type { Course, OwnerAffiliate } from "../../types/models";
import { buildCourseLinks } from "../../lib/course-links";
import { ActionMessage, useAction } from "./use-action";

const STATUS_ORDER = { pending: 0, active: 1, disabled: 2, rejected: 3 } as const;

function InviteForm() {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const { state, run, busy } = useAction();
  return (
    <form
      className="card form"
      data-testid="invite-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await run("inviteAffiliate", { email: email.trim(), name: name.trim() }, "Invitation sent: the affiliate is active and gets a welcome email.");
        if (result !== undefined) {
          setEmail("");
          setName("");
        }
      }}
    >
      <Field label="Email" name="invite-email" type="email" value={email} onValue={setEmail} required testId="invite-email" />
      <Field label="Name" name="invite-name" value={name} onValue={setName} required maxLength={100} testId="invite-name" />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Inviting…" : "Invite affiliate"}
      </button>
      <ActionMessage state={state} testId="invite-message" />
    </form>
  );
}

function numberOrNull(text: string): number | null | "bad" {
  const t = text.trim();
  if (t === "") return null;
  return /^\d+$/.test(t) ? Number(t) : "bad";
}

function TermsForm({ affiliate }: { affiliate: OwnerAffiliate }) {
  const [rate, setRate] = useState(affiliate.rateBps === null ? "" : String(affiliate.rateBps));
  const [cookieDays, setCookieDays] = useState(affiliate.cookieDays === null ? "" : String(affiliate.cookieDays));
  const [discountCode, setDiscountCode] = useState(affiliate.discountCode ?? "");
  const [slug, setSlug] = useState(affiliate.slug ?? "");
  const [note, setNote] = useState(affiliate.note);
  const { state, run, busy } = useAction();
  const [local, setLocal] = useState<string | null>(null);
  return (
    <form
      className="form"
      data-testid="terms-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const rateBps = numberOrNull(rate);
        const days = numberOrNull(cookieDays);
        if (rateBps === "bad" || days === "bad") {
          setLocal("Rate and cookie days are whole numbers (rate in basis points: 5000 = 50%).");
          return;
        }
        setLocal(null);
        await run("updateAffiliate", { affiliateId: affiliate.id, rateBps, cookieDays: days, discountCode: discountCode.trim() || null, slug: slug.trim() || null, note }, "Saved. New terms apply to future sales only.");
      }}
    >
      <Field label="Commission rate (basis points, empty = program default)" name="rateBps" value={rate} onValue={setRate} testId="terms-rate" hint="5000 = 50%. Past commissions keep their rate." />
      <Field label="Cookie window in days (empty = program default)" name="cookieDays" value={cookieDays} onValue={setCookieDays} testId="terms-cookie" />
      <Field label="Discount code" name="discountCode" value={discountCode} onValue={setDiscountCode} maxLength={40} testId="terms-discount" />
      <Field label="Readable slug for links" name="slug" value={slug} onValue={setSlug} maxLength={32} testId="terms-slug" hint="3–32 lower-case letters, digits or dashes." />
      <Field label="Note (only you see it)" name="note" value={note} onValue={setNote} multiline maxLength={1000} />
      <button type="submit" className="button button--primary" disabled={busy} data-testid="terms-save">
        Save terms
      </button>
      {local ? <p className="notice notice--error">{local}</p> : null}
      <ActionMessage state={state} testId="terms-message" />
    </form>
  );
}

function AffiliateLinks({ affiliate, courses }: { affiliate: OwnerAffiliate; courses: Course[] }) {
  const links = buildCourseLinks(courses, location.origin, affiliate.id, affiliate.slug);
  if (links.length === 0) return <p className="muted">No courses yet: add one under Settings.</p>;
  return (
    <ul className="links" data-testid="affiliate-links">
      {links.map((link) => (
        <li key={link.courseId} className="small">
          <strong>{link.courseName}</strong>: <code data-testid="affiliate-link">{link.trackedUrl}</code> <CopyButton text={link.trackedUrl} label={`Copy link for ${link.courseName}`} />
        </li>
      ))}
    </ul>
  );
}

function Review({ affiliate }: { affiliate: OwnerAffiliate }) {
  const [note, setNote] = useState("");
  const { state, run, busy } = useAction();
  const act = (action: string, label: string) => (
    <button
      type="button"
      className={`button button--small${action === "approve" || action === "enable" ? " button--primary" : ""}`}
      disabled={busy}
      data-testid={`${action}-button`}
      onClick={() => run("setAffiliateStatus", { affiliateId: affiliate.id, action, note }, `${label}: done.`)}
    >
      {label}
    </button>
  );
  return (
    <div className="actions">
      <label className="visually-hidden" htmlFor={`note-${affiliate.id}`}>
        Note for {affiliate.email}
      </label>
      <input id={`note-${affiliate.id}`} placeholder="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} data-testid="review-note" />
      {affiliate.status === "pending" ? (
        <>
          {act("approve", "Approve")}
          {act("reject", "Reject")}
        </>
      ) : null}
      {affiliate.status === "rejected" ? act("approve", "Approve") : null}
      {affiliate.status === "active" ? act("disable", "Disable") : null}
      {affiliate.status === "disabled" ? act("enable", "Enable") : null}
      <ActionMessage state={state} />
    </div>
  );
}

function AffiliateRow({ affiliate, courses }: { affiliate: OwnerAffiliate; courses: Course[] }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="card" data-testid="affiliate-row" data-affiliate-id={affiliate.id} data-email={affiliate.email} data-status={affiliate.status ?? ""}>
      <div className="section__head">
        <h3>
          {affiliate.displayName || affiliate.name || affiliate.email} <span className={`badge badge--${affiliate.status ?? "pending"}`}>{affiliate.status ?? "unknown"}</span>
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
      <Review affiliate={affiliate} />
      {open ? (
        <div data-testid="affiliate-details">
          <TermsForm affiliate={affiliate} />
          <h4>Links</h4>
          <AffiliateLinks affiliate={affiliate} courses={courses} />
        </div>
      ) : null}
    </li>
  );
}

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
          <label>
            Status{" "}
            <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="affiliate-status-filter">
              <option value="">All</option>
              <option value="pending">Pending</option>
              <option value="active">Active</option>
              <option value="disabled">Disabled</option>
              <option value="rejected">Rejected</option>
            </select>
          </label>
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
