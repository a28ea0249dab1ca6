import { useState } from "react";
import { Field } from "../../../components/field";
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
  const action = useAction();
  return (
    <ActionForm
      testId="course-form"
      action={action}
      submit={{ label: course ? "Save course" : "Add course" }}
      onSubmit={async () => {
        const productIds = Object.fromEntries(PLATFORMS.map((p) => [p, splitIds(ids[p])]));
        await action.run("saveCourse", { id: id.trim(), course: { name: name.trim(), siteUrl: siteUrl.trim(), productIds } }, "Course saved.");
      }}
    >
      <Field label="Course id (used in links)" name="courseId" value={id} onValue={setId} disabled={course !== null} hint="Lower-case letters, digits and dashes; cannot change later." />
      <Field label="Name" name="courseName" value={name} onValue={setName} />
      <Field label="Course page URL" name="siteUrl" type="url" value={siteUrl} onValue={setSiteUrl} />
      {PLATFORMS.map((p) => (
        <Field key={p} label={`${PLATFORM_LABELS[p]} product ids (comma-separated)${p === "stripe" ? ": Payment Link ids (plink_…)" : ""}`} name={`products-${p}`} value={ids[p]} onValue={(v) => setIds((all) => ({ ...all, [p]: v }))} />
      ))}
    </ActionForm>
  );
}
