import { z } from "zod";
import type { Platform } from "./platforms.js";

/** A course id: it appears in links (`/r/{affiliate}/{course}`). */
export const COURSE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

const productIdList = z.array(z.string().trim().min(1).max(100)).max(50).default([]);

/** `courses/{id}`: a course's page and the platforms' product ids that belong to it. */
export const courseSchema = z.object({
  name: z.string().trim().min(1).max(120),
  siteUrl: z.url({ protocol: /^https?$/ }),
  productIds: z
    .object({ paddle: productIdList, "paddle-classic": productIdList, lemonsqueezy: productIdList, stripe: productIdList } satisfies Record<Platform, typeof productIdList>)
    .default({ paddle: [], "paddle-classic": [], lemonsqueezy: [], stripe: [] }),
  /** The course's own commission rate (basis points); null: the program's. Affiliates' own rates outrank it. */
  rateBps: z.int().min(0).max(10_000).nullable().default(null),
});

export type Course = z.infer<typeof courseSchema> & { id: string };
