import { AFFILIATE_ID } from "../../../contracts/affiliates";
import { referralHref } from "../config/paths";
import type { Course } from "../types/models";

export interface CourseLink {
  courseId: string;
  courseName: string;
  /** Through our redirect endpoint: records the click, then forwards to the course. */
  trackedUrl: string;
  /** Straight to the course site; the tracking script there picks up `affiliateId`. */
  directUrl: string | null;
}

/**
 * Adds affiliateId to the course URL, keeping any query or fragment it already has, and the
 * affiliate's own discount code as `code` (what /r/ adds too) for t.js to apply at checkout where
 * the seller turned that on; t.js keeps a code only in the id's shape.
 */
export function directCourseUrl(siteUrl: string, affiliateId: string, discountCode: string | null = null): string | null {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  url.searchParams.set("affiliateId", affiliateId);
  if (discountCode !== null && AFFILIATE_ID.test(discountCode)) url.searchParams.set("code", discountCode);
  return url.href;
}

/** The slug reads better in a link; the uid always works. */
export function buildCourseLinks(courses: readonly Course[], origin: string, affiliateId: string, slug: string | null, discountCode: string | null): CourseLink[] {
  return courses.map((course) => ({
    courseId: course.id,
    courseName: course.name,
    trackedUrl: referralHref(origin, slug ?? affiliateId, course.id),
    directUrl: directCourseUrl(course.siteUrl, affiliateId, discountCode),
  }));
}

/** The affiliate's own code wins over the program-wide one. */
export function pickDiscountCode(affiliateCode: string | null | undefined, programCode: string | null | undefined): string | null {
  return affiliateCode || programCode || null;
}
