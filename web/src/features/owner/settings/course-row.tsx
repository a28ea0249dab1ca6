import type { OwnerCourse } from "../../../types/models";
import { CourseForm } from "./course-form";

export function CourseRow({ course, editing, onEdit }: { course: OwnerCourse; editing: boolean; onEdit: (editing: boolean) => void }) {
  return (
    <li className="card" data-testid="course-row" data-course-id={course.id}>
      <strong>{course.name}</strong> <code className="small">{course.id}</code> <span className="small muted">{course.siteUrl}</span>{" "}
      <button type="button" className="button button--small" onClick={() => onEdit(!editing)}>
        {editing ? "Close" : "Edit"}
      </button>
      {editing ? <CourseForm course={course} /> : null}
    </li>
  );
}
