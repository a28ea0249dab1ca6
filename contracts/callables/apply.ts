import { z } from "zod";
import { asOfField, emailField, okOutput } from "./fields.js";

// The public application form (no sign-in). The portal's form shows these limits, so a person
// never meets a rule here that the form did not show them.
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

export const applyInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  email: emailField,
  website: webUrl,
  promotion: z.string().trim().min(20).max(2000),
  /** Moves the rate-limit clock, on the emulators only. */
  asOf: asOfField,
});

export type Application = Omit<z.infer<typeof applyInput>, "asOf">;

/** The same answer whether the email is new, already applied or already an affiliate. */
export const applyOutput = okOutput;
