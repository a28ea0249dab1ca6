import { courseSchema, type Course } from "../../../contracts/course.js";
import { db } from "./firestore.js";

const TTL_MS = 60_000;
let cache: { at: number; courses: Course[] } | null = null;

/**
 * Courses change rarely and are read on every sale and redirect, so an instance keeps them for a
 * minute. A course the owner just added may take that long to be recognised; nothing is lost, since
 * orders keep the product id and are re-derived on their next change.
 */
export async function loadCourses(now = Date.now()): Promise<Course[]> {
  if (cache && now - cache.at < TTL_MS) return cache.courses;
  const snap = await db().collection("courses").get();
  const courses = snap.docs.flatMap((doc) => {
    const parsed = courseSchema.safeParse(doc.data());
    return parsed.success ? [{ ...parsed.data, id: doc.id }] : [];
  });
  cache = { at: now, courses };
  return courses;
}
