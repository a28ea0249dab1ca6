import { z } from "zod";
import { AFFILIATE_STATUSES } from "../affiliates.js";

/** Called after every sign-in, with nothing to send. */
export const sessionInput = z.strictObject({}).nullish();

/** Who the signed-in person is; when `claimsChanged`, the portal refreshes its ID token. */
export const sessionOutput = z.object({
  role: z.enum(["owner", "affiliate", "none"]),
  status: z.enum(AFFILIATE_STATUSES).nullable(),
  claimsChanged: z.boolean(),
});
