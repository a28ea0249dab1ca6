import { z } from "zod";
import { recurringPolicySchema } from "../recurring-policy.js";
import { COURSE_ID } from "../course.js";
import { DISCOUNT_CODE, PLATFORM_DISCOUNT_ID } from "../discount-codes.js";
import { checkSlug } from "../slug.js";
import { affiliateIdField, okOutput } from "./fields.js";

const blankToNull = (value: string | null) => (value === null || value.trim() === "" ? null : value.trim());

export const updateAffiliateInput = z.strictObject({
  affiliateId: affiliateIdField,
  /** null = the program's default rate. */
  rateBps: z.number().int().min(0).max(10_000).nullable(),
  /** null = the program's cookie window. */
  cookieDays: z.number().int().min(1).max(400).nullable(),
  /** One affiliate's, whatever its case: a code another affiliate holds is refused (`already-exists`). */
  discountCode: z
    .string()
    .max(40)
    .nullable()
    .transform(blankToNull)
    .refine((code) => code === null || DISCOUNT_CODE.test(code), "letters, digits, - and _ only"),
  /** The platforms' own ids for the code, where their sales name only the id (Paddle Billing `dsc_…`). */
  discountIds: z
    .strictObject({
      paddle: z
        .string()
        .max(100)
        .nullable()
        .transform(blankToNull)
        .refine((id) => id === null || PLATFORM_DISCOUNT_ID.test(id), "letters, digits, - and _ only")
        .default(null),
    })
    .default({ paddle: null }),
  /** Sales credited by the discount code alone wait for the owner's approval. */
  codeOnlyApproval: z.boolean().default(false),
  /** The affiliate's rate on particular courses (basis points), by course id. */
  courseRates: z
    .record(z.string().regex(COURSE_ID), z.int().min(0).max(10_000))
    .refine((rates) => Object.keys(rates).length <= 100, "at most 100 courses")
    .default({}),
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

/**
 * How the code's Paddle Billing discount id was settled: entered by the owner; looked up by the code
 * through Paddle's API and found, or not found; not looked up (`off`: no PADDLE_API_KEY; `none`: no
 * code); or Paddle did not answer (`failed`: saved without it).
 */
export const PADDLE_DISCOUNT_LOOKUPS = ["entered", "found", "not_found", "off", "none", "failed"] as const;

export const updateAffiliateOutput = okOutput.extend({
  paddleDiscountId: z.string().nullable(),
  paddleLookup: z.enum(PADDLE_DISCOUNT_LOOKUPS),
});
