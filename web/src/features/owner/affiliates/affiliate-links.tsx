import { CopyButton } from "../../../components/copy-button";
import { buildCourseLinks } from "../../../lib/course-links";
import type { Course, OwnerAffiliate } from "../../../types/models";

/** The links the affiliate sees on their dashboard, for the owner to hand out. */
export function AffiliateLinks({ affiliate, courses }: { affiliate: OwnerAffiliate; courses: Course[] }) {
  const links = buildCourseLinks(courses, location.origin, affiliate.id, affiliate.slug, affiliate.discountCode);
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
