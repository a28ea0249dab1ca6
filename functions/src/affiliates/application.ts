import { z } from "zod";

// The public application form. Limits match the portal's form (web/src/features/apply), so a
// person never meets a rule here that the form did not show them.
const webUrl = z
  .string()
  .trim()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
    } catch {
      return false;
    }
  }, "must be an http(s) address");

export const applicationSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email: z.email().trim().max(254).transform((email) => email.toLowerCase()),
  website: webUrl,
  promotion: z.string().trim().min(20).max(2000),
});

export type Application = z.infer<typeof applicationSchema>;
