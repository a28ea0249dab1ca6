import type { Course } from "../../../contracts/course.js";
import type { Platform } from "../../../contracts/platforms.js";

/** The course a platform's product belongs to, if the owner mapped it. */
export function courseForProduct(courses: readonly Course[], platform: Platform, productId: string | null): Course | null {
  if (productId === null) return null;
  return courses.find((c) => c.productIds[platform].includes(productId)) ?? null;
}
