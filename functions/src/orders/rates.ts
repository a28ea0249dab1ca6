import type { AffiliateCandidate } from "./attribution.js";

/** Where an order's rate came from, most specific first. */
export const RATE_SOURCES = ["affiliate_course", "affiliate", "course", "program"] as const;
export type RateSource = (typeof RATE_SOURCES)[number];

/** The course a sale's product belongs to, with the course's own rate (null: none). */
export interface CourseRate {
  id: string;
  rateBps: number | null;
}

/**
 * The rate for a sale of `course` credited to `affiliate`: the affiliate's rate for that course,
 * then the affiliate's own rate, then the course's, then the program's. The owner sets a course
 * rate for the course's economics and an affiliate rate for a person; the person's deal outranks
 * the course's, and a deal for that person on that course outranks both.
 */
export function rateOf(affiliate: AffiliateCandidate | null, course: CourseRate | null, programRateBps: number): { rateBps: number; source: RateSource } {
  const forCourse = course === null ? undefined : affiliate?.courseRates[course.id];
  if (forCourse !== undefined) return { rateBps: forCourse, source: "affiliate_course" };
  if (affiliate?.rateBps != null) return { rateBps: affiliate.rateBps, source: "affiliate" };
  if (course?.rateBps != null) return { rateBps: course.rateBps, source: "course" };
  return { rateBps: programRateBps, source: "program" };
}
