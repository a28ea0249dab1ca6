import { z } from "zod";
import type { Platform } from "./platforms.js";

const productIdList = z.array(z.string().trim().min(1).max(100)).max(50).default([]);

/** `courses/{id}`: a course's page and the platforms' product ids that belong to it. */
export const courseSchema = z.object({
  name: z.string().trim().min(1).max(120),
  siteUrl: z.url({ protocol: /^https?$/ }),
  productIds: z
    .object({ paddle: productIdList, "paddle-classic": productIdList, lemonsqueezy: productIdList, stripe: productIdList } satisfies Record<Platform, typeof productIdList>)
    .default({ paddle: [], "paddle-classic": [], lemonsqueezy: [], stripe: [] }),
});

export type Course = z.infer<typeof courseSchema> & { id: string };
