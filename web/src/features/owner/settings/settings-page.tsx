import { useState } from "react";
import { LiveStatus } from "../../../components/live-error";
import { Section } from "../../../components/section";
import { useLive } from "../../../hooks/use-live";
import { listenOwnerCourses, listenOwnerProgram } from "../../../lib/firestore-owner";
import type { OwnerCourse, ProgramSettings } from "../../../types/models";
import { CourseForm } from "./course-form";
import { CourseRow } from "./course-row";
import { ProgramForm } from "./program-form";

export default function SettingsPage() {
  const program = useLive<ProgramSettings | null>("owner:program", listenOwnerProgram);
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
              <CourseRow key={c.id} course={c} editing={editing === c.id} onEdit={(open) => setEditing(open ? c.id : null)} />
            ))}
          </ul>
        ) : null}
        <h3>Add a course</h3>
        <CourseForm course={null} />
      </Section>
    </div>
  );
}
