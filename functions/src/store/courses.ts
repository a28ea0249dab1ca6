import { courseSchema, type Course } from "../../../contracts/course.js";
import type { Platform } from "../../../contracts/platforms.js";
import { FieldPath } from "firebase-admin/firestore";
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

/**
 * The course a platform's product belongs to, read now rather than from the cache: its rate is
 * snapshotted on the order, so a course rate the owner just set applies at once. Read outside the
 * order's transaction (a query there would lock the range against every concurrent sale); the
 * first course by id wins when the owner mapped one product to several.
 */
export async function findCourse(platform: Platform, productId: string | null): Promise<Course | null> {
  if (productId === null) return null;
  const query = db().collection("courses").where(new FieldPath("productIds", platform), "array-contains", productId).orderBy(FieldPath.documentId()).limit(5);
  for (const doc of (await query.get()).docs) {
    const parsed = courseSchema.safeParse(doc.data());
    if (parsed.success) return { ...parsed.data, id: doc.id };
  }
  return null;
}
