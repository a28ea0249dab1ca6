import { useState } from "react";
import { Field } from "../../../components/field";
import { bpsToPercentText, percentTextToBps } from "../../../lib/units";
import { PLATFORM_LABELS, PLATFORMS, type OwnerCourse, type Platform } from "../../../types/models";
import { ActionForm } from "../action-form";
import { useAction } from "../use-action";

const splitIds = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** Adds a course (course = null) or edits one; its id is fixed once it exists. */
export function CourseForm({ course }: { course: OwnerCourse | null }) {
  const [id, setId] = useState(course?.id ?? "");
  const [name, setName] = useState(course?.name ?? "");
  const [siteUrl, setSiteUrl] = useState(course?.siteUrl ?? "");
  const [ids, setIds] = useState<Record<Platform, string>>(() => Object.fromEntries(PLATFORMS.map((p) => [p, (course?.productIds[p] ?? []).join(", ")])) as Record<Platform, string>);
  const [rate, setRate] = useState(course?.rateBps == null ? "" : bpsToPercentText(course.rateBps));
  const [local, setLocal] = useState<string | null>(null);
  const action = useAction();
  return (
    <ActionForm
      testId="course-form"
      action={action}
      submit={{ label: course ? "Save course" : "Add course" }}
      onSubmit={async () => {
        const productIds = Object.fromEntries(PLATFORMS.map((p) => [p, splitIds(ids[p])]));
        const rateBps = rate.trim() === "" ? null : percentTextToBps(rate);
        if (rateBps === null && rate.trim() !== "") {
          setLocal("The course rate is a percentage from 0 to 100, like 40 or 12.5.");
          return;
        }
        setLocal(null);
        await action.run("saveCourse", { id: id.trim(), course: { name: name.trim(), siteUrl: siteUrl.trim(), productIds, rateBps } }, "Course saved.");
      }}
    >
      <Field label="Course id (used in links)" name="courseId" value={id} onValue={setId} disabled={course !== null} hint="Lower-case letters, digits and dashes; cannot change later." />
      <Field label="Name" name="courseName" value={name} onValue={setName} />
      <Field label="Course page URL" name="siteUrl" type="url" value={siteUrl} onValue={setSiteUrl} />
      {PLATFORMS.map((p) => (
        <Field key={p} label={`${PLATFORM_LABELS[p]} product ids (comma-separated)${p === "stripe" ? ": Payment Link ids (plink_…)" : ""}`} name={`products-${p}`} value={ids[p]} onValue={(v) => setIds((all) => ({ ...all, [p]: v }))} />
      ))}
      <Field
        label="Commission rate for this course in % (empty = program default)"
        name="courseRate"
        value={rate}
        onValue={setRate}
        testId="course-rate"
        hint="An affiliate's own rate, and their rate for this course, outrank it. Past sales keep their rate."
      />
      {local ? <p className="notice tone-error">{local}</p> : null}
    </ActionForm>
  );
}
