import { HttpsError, onCall } from "firebase-functions/https";
import { z } from "zod";
import { checkSlug } from "../affiliates/slug.js";
import { updateAffiliateTerms } from "../store/affiliates.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";
import { AFFILIATE_ID } from "../orders/attribution.js";

const blankToNull = (value: string | null) => (value === null || value.trim() === "" ? null : value.trim());

export const termsInputSchema = z.strictObject({
  affiliateId: z.string().regex(AFFILIATE_ID),
  /** null = the program's default rate. */
  rateBps: z.number().int().min(0).max(10_000).nullable(),
  /** null = the program's cookie window. */
  cookieDays: z.number().int().min(1).max(400).nullable(),
  discountCode: z.string().max(40).regex(/^[A-Za-z0-9_-]*$/, "letters, digits, - and _ only").nullable().transform(blankToNull),
  slug: z.string().max(40).nullable().transform(blankToNull),
  note: z.string().trim().max(1000).default(""),
});

/** The affiliate's own terms: rate, cookie window, discount code, readable slug, note. */
export async function handleUpdateAffiliate(auth: CallerAuth | undefined, data: unknown): Promise<{ ok: true }> {
  const owner = requireOwner(auth);
  const input = parseInput(termsInputSchema, data);
  let slug: string | null = null;
  if (input.slug !== null) {
    const checked = checkSlug(input.slug);
    if (!checked.ok) throw new HttpsError("invalid-argument", `Invalid input. slug: ${checked.reason}`);
    slug = checked.slug;
  }
  const { affiliateId, ...terms } = input;
  await updateAffiliateTerms(affiliateId, { ...terms, slug }, owner);
  return { ok: true };
}

export const updateAffiliate = onCall((request) => handleUpdateAffiliate(request.auth, request.data));
