import type { Platform } from "./platforms.js";

// Affiliates' discount codes, as the owner enters them and as the platforms report them. A code is
// one affiliate's, whatever its case: `discountCodes/{key}` claims it (and each platform's own id
// for it) so two affiliates can never hold the same one.

/** A code as the owner may enter it; platforms accept these characters in every checkout. */
export const DISCOUNT_CODE = /^[A-Za-z0-9_-]{1,40}$/;

/** A platform's own id for a discount (Paddle Billing `dsc_…`). */
export const PLATFORM_DISCOUNT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Platforms whose sales name a discount by its id rather than its code. */
export const DISCOUNT_ID_PLATFORMS = ["paddle"] as const satisfies readonly Platform[];
export type DiscountIdPlatform = (typeof DISCOUNT_ID_PLATFORMS)[number];

/** The claim document id for a code: upper-cased, so `Save10` and `SAVE10` are one code. */
export function codeKey(code: string): string | null {
  const trimmed = code.trim();
  return DISCOUNT_CODE.test(trimmed) ? trimmed.toUpperCase() : null;
}

/** The claim document id for a platform's discount id; the colon keeps it apart from every code. */
export function platformDiscountKey(platform: Platform, id: string): string | null {
  const trimmed = id.trim();
  return PLATFORM_DISCOUNT_ID.test(trimmed) ? `${platform}:${trimmed}` : null;
}
