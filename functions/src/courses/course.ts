import { z } from "zod";
import { PLATFORMS, type Platform } from "../domain/types.js";

export const courseSchema = z.object({
  name: z.string().trim().min(1).max(120),
  siteUrl: z.url({ protocol: /^https?$/ }),
  productIds: z
    .object(Object.fromEntries(PLATFORMS.map((p) => [p, z.array(z.string().trim().min(1).max(100)).max(50).default([])])) as Record<
      Platform,
      z.ZodDefault<z.ZodArray<z.ZodString>>
    >)
    .default({ paddle: [], "paddle-classic": [], lemonsqueezy: [] }),
});

export type Course = z.infer<typeof courseSchema> & { id: string };

/** The course a platform's product belongs to, if the owner mapped it. */
export function courseForProduct(courses: readonly Course[], platform: Platform, productId: string | null): Course | null {
  if (productId === null) return null;
  return courses.find((c) => c.productIds[platform].includes(productId)) ?? null;
}
