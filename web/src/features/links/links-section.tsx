import { CopyButton } from "../../components/copy-button";
import { LiveStatus } from "../../components/live-error";
import { Section } from "../../components/section";
import { useLive } from "../../hooks/use-live";
import { listenCourses } from "../../lib/firestore-affiliate";
import type { Course } from "../../types/models";
import { buildCourseLinks, pickDiscountCode, type CourseLink } from "../../lib/course-links";
import "./links-section.css";

interface Props {
  uid: string;
  slug: string | null;
  affiliateDiscountCode: string | null;
  programDiscountCode: string | null;
}

function LinkValue({ label, value, copyLabel, testId }: { label: string; value: string; copyLabel: string; testId: string }) {
  return (
    <div className="link-value">
      <span className="link-value__label">{label}</span>
      <code className="link-value__text" data-testid={testId}>
        {value}
      </code>
      <CopyButton text={value} label={copyLabel} />
    </div>
  );
}

function LinkRow({ link }: { link: CourseLink }) {
  return (
    <li className="link-row card" data-testid="link-row" data-course-id={link.courseId}>
      <h3>{link.courseName}</h3>
      <LinkValue label="Tracked link" value={link.trackedUrl} copyLabel={`Copy tracked link for ${link.courseName}`} testId="tracked-url" />
      {link.directUrl ? <LinkValue label="Direct link" value={link.directUrl} copyLabel={`Copy direct link for ${link.courseName}`} testId="direct-url" /> : null}
    </li>
  );
}

export function LinksSection({ uid, slug, affiliateDiscountCode, programDiscountCode }: Props) {
  const courses = useLive<Course[]>("courses", listenCourses);
  const code = pickDiscountCode(affiliateDiscountCode, programDiscountCode);
  return (
    <Section title="Your links" testId="links">
      <p className="muted">Share these links. Visits are tracked for the cookie period, and sales through them earn you commission.</p>
      {code ? (
        <div className="discount card" data-testid="discount">
          <span>Discount code for your audience:</span> <strong data-testid="discount-code">{code}</strong> <CopyButton text={code} label="Copy discount code" />
        </div>
      ) : null}
      <LiveStatus live={courses} what="courses" />
      {courses.status === "ready" && courses.data.length === 0 ? <p className="muted">No courses are set up yet.</p> : null}
      {courses.status === "ready" ? (
        <ul className="links">
          {buildCourseLinks(courses.data, location.origin, uid, slug, affiliateDiscountCode).map((link) => (
            <LinkRow key={link.courseId} link={link} />
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
