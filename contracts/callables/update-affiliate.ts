import { z } from "zod";
import { recurringPolicySchema } from "../recurring-policy.js";
import { checkSlug } from "../slug.js";
import { affiliateIdField, okOutput } from "./fields.js";

const blankToNull = (value: string | null) => (value === null || value.trim() === "" ? null : value.trim());

export const updateAffiliateInput = z.strictObject({
  affiliateId: affiliateIdField,
  /** null = the program's default rate. */
  rateBps: z.number().int().min(0).max(10_000).nullable(),
  /** null = the program's cookie window. */
  cookieDays: z.number().int().min(1).max(400).nullable(),
  discountCode: z.string().max(40).regex(/^[A-Za-z0-9_-]*$/, "letters, digits, - and _ only").nullable().transform(blankToNull),
  /** A readable link name, lower-cased; blank or null keeps links on the affiliate id. */
  slug: z
    .string()
    .max(40)
    .nullable()
    .transform((value, ctx) => {
      const given = blankToNull(value);
      if (given === null) return null;
      const checked = checkSlug(given);
      if (checked.ok) return checked.slug;
      ctx.addIssue({ code: "custom", message: checked.reason });
      return z.NEVER;
    }),
  note: z.string().trim().max(1000).default(""),
  /** The affiliate's own policy for subscription and instalment payments; null = the program's. */
  recurringPolicy: recurringPolicySchema.nullable().default(null),
});

export const updateAffiliateOutput = okOutput;
