import { useState } from "react";
import { Field } from "../../components/field";
import { LiveStatus } from "../../components/live-error";
import { Section } from "../../components/section";
import { useLive } from "../../hooks/use-live";
import { listenOwnerCourses, listenOwnerProgram } from "../../lib/firestore-owner";
import { PLATFORM_IDS, type OwnerCourse, type OwnerProgramSettings, type PlatformId } from "../../types/models";
import { parseSettingsForm, settingsForm, type SettingsForm } from "./settings-form";
import { ActionMessage, useAction } from "./use-action";

function ProgramForm({ initial }: { initial: OwnerProgramSettings | null }) {
  const [form, setForm] = useState<SettingsForm>(() => settingsForm(initial));
  const [errors, setErrors] = useState<Partial<Record<keyof SettingsForm, string>>>({});
  const { state, run, busy } = useAction();
  const set = (key: keyof SettingsForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <form
      className="card form"
      data-testid="settings-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const parsed = parseSettingsForm(form);
        setErrors(parsed.ok ? {} : parsed.errors);
        if (parsed.ok) await run("saveProgramSettings", parsed.value, "Settings saved. Past commissions keep their rate and dates.");
      }}
    >
      <Field label="Program name" name="name" value={form.name} onValue={set("name")} error={errors.name} testId="settings-name" />
      <Field label="Default commission (basis points)" name="defaultRateBps" value={form.defaultRateBps} onValue={set("defaultRateBps")} error={errors.defaultRateBps} hint="5000 = 50%. Applies to sales from now on." testId="settings-rate" />
      <Field label="Refund window (days)" name="refundWindowDays" value={form.refundWindowDays} onValue={set("refundWindowDays")} error={errors.refundWindowDays} />
      <Field label="Cookie window (days)" name="cookieDays" value={form.cookieDays} onValue={set("cookieDays")} error={errors.cookieDays} />
      <Field label="Payout threshold (minor units)" name="payoutThresholdMinor" value={form.payoutThresholdMinor} onValue={set("payoutThresholdMinor")} error={errors.payoutThresholdMinor} hint="5000 = 50.00 in a two-decimal currency." testId="settings-threshold" />
      <Field label="Program discount code" name="discountCode" value={form.discountCode} onValue={set("discountCode")} error={errors.discountCode} />
      <Field label="Also notify (comma-separated emails)" name="notifyEmails" value={form.notifyEmails} onValue={set("notifyEmails")} error={errors.notifyEmails} />
      <button type="submit" className="button button--primary" disabled={busy} data-testid="settings-save">
        Save settings
      </button>
      <ActionMessage state={state} testId="settings-message" />
    </form>
  );
}

const splitIds = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

function CourseForm({ course }: { course: OwnerCourse | null }) {
  const [id, setId] = useState(course?.id ?? "");
  const [name, setName] = useState(course?.name ?? "");
  const [siteUrl, setSiteUrl] = useState(course?.siteUrl ?? "");
  const [ids, setIds] = useState<Record<PlatformId, string>>(() => Object.fromEntries(PLATFORM_IDS.map((p) => [p, (course?.productIds[p] ?? []).join(", ")])) as Record<PlatformId, string>);
  const { state, run, busy } = useAction();
  return (
    <form
      className="card form"
      data-testid="course-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const productIds = Object.fromEntries(PLATFORM_IDS.map((p) => [p, splitIds(ids[p])]));
        await run("saveCourse", { id: id.trim(), course: { name: name.trim(), siteUrl: siteUrl.trim(), productIds } }, "Course saved.");
      }}
    >
      <Field label="Course id (used in links)" name="courseId" value={id} onValue={setId} disabled={course !== null} hint="Lower-case letters, digits and dashes; cannot change later." />
      <Field label="Name" name="courseName" value={name} onValue={setName} />
      <Field label="Course page URL" name="siteUrl" type="url" value={siteUrl} onValue={setSiteUrl} />
      {PLATFORM_IDS.map((p) => (
        <Field key={p} label={`${p} product ids (comma-separated)`} name={`products-${p}`} value={ids[p]} onValue={(v) => setIds((all) => ({ ...all, [p]: v }))} />
      ))}
      <button type="submit" className="button button--primary" disabled={busy}>
        {course ? "Save course" : "Add course"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

export default function SettingsPage() {
  const program = useLive<OwnerProgramSettings | null>("owner:program", listenOwnerProgram);
  const courses = useLive<OwnerCourse[]>("owner:courses", listenOwnerCourses);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div data-testid="owner-settings">
      <Section title="Program">
        <LiveStatus live={program} what="settings" />
        {program.status === "ready" ? <ProgramForm initial={program.data} /> : null}
      </Section>
      <Section title="Courses" testId="courses">
        <LiveStatus live={courses} what="courses" />
        {courses.status === "ready" ? (
          <ul className="links">
            {courses.data.map((c) => (
              <li key={c.id} className="card" data-testid="course-row" data-course-id={c.id}>
                <strong>{c.name}</strong> <code className="small">{c.id}</code> <span className="small muted">{c.siteUrl}</span>{" "}
                <button type="button" className="button button--small" onClick={() => setEditing(editing === c.id ? null : c.id)}>
                  {editing === c.id ? "Close" : "Edit"}
                </button>
                {editing === c.id ? <CourseForm course={c} /> : null}
              </li>
            ))}
          </ul>
        ) : null}
        <h3>Add a course</h3>
        <CourseForm course={null} />
      </Section>
    </div>
  );
}
