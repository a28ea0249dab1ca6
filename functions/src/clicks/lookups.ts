import type { Course } from "../../../contracts/course.js";
import { findAffiliate } from "../store/affiliates.js";
import { loadCourses } from "../store/courses.js";
import { TtlCache } from "./ttl-cache.js";

// Both endpoints resolve the same few affiliates and courses on every click: an instance keeps
// them for a minute, and unknown ids for less so a newly approved affiliate is not missed for long.
const KNOWN_TTL_MS = 60_000;
const UNKNOWN_TTL_MS = 10_000;

export interface AffiliateLookup {
  /** The real affiliate id, also when the link used the slug. */
  id: string;
  active: boolean;
  discountCode: string | null;
}

const affiliates = new TtlCache<AffiliateLookup | null>();
const courses = new TtlCache<Course[]>({ maxKeys: 1 });

/** The affiliate behind an id or slug (the same lookup a sale makes), cached; a Firestore failure falls back to an expired entry or throws. */
export function resolveAffiliate(ref: string): Promise<AffiliateLookup | null> {
  return affiliates.through(
    ref,
    async () => {
      const found = await findAffiliate(ref);
      return found && { id: found.id, active: found.status === "active", discountCode: found.discountCode };
    },
    (found) => (found?.active ? KNOWN_TTL_MS : UNKNOWN_TTL_MS),
  );
}

export function resolveCourses(): Promise<Course[]> {
  return courses.through("all", () => loadCourses(), () => KNOWN_TTL_MS);
}
