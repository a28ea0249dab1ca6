import { z } from "zod";
import { emailField } from "./fields.js";

export const inviteAffiliateInput = z.strictObject({
  email: emailField,
  name: z.string().trim().min(1).max(100),
  note: z.string().trim().max(1000).default(""),
});

/** `created` is false when the email already had an affiliate, which is now active. */
export const inviteAffiliateOutput = z.object({ affiliateId: z.string(), created: z.boolean() });
