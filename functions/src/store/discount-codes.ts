import { codeKey, DISCOUNT_ID_PLATFORMS, platformDiscountKey, type DiscountIdPlatform } from "../../../contracts/discount-codes.js";
import type { Platform } from "../../../contracts/platforms.js";
import type { AffiliateRecord } from "../affiliates/record.js";
import { DomainError } from "../domain/errors.js";
import type { SaleFacts } from "../domain/types.js";
import { affiliates, discountCodes } from "./collections.js";
import { FieldValue, type Transaction } from "./firestore.js";

// One code, one affiliate: `discountCodes/{CODE}` (upper case) and `discountCodes/{platform}:{id}`
// name the affiliate a code or a platform's discount id belongs to. The owner's callable claims
// and releases them in the transaction that changes the affiliate, so two owners saving the same
// code (in any case) at once cannot both succeed.

/** The affiliate a sale's discount belongs to, and the code to show on the receipt. */
export async function findDiscountOwnerIn(
  tx: Transaction,
  platform: Platform,
  discount: NonNullable<SaleFacts["discount"]>,
): Promise<{ code: string; affiliate: AffiliateRecord | null } | null> {
  const shown = discount.code ?? discount.platformId;
  if (shown === null) return null;
  const keys = [discount.code === null ? null : codeKey(discount.code), discount.platformId === null ? null : platformDiscountKey(platform, discount.platformId)];
  for (const key of keys) {
    if (key === null) continue;
    const claim = (await tx.get(discountCodes().doc(key))).data();
    if (!claim?.affiliateId) continue;
    const affiliate = (await tx.get(affiliates().doc(claim.affiliateId))).data() ?? null;
    return { code: discount.code ?? claim.code ?? shown, affiliate };
  }
  return { code: shown, affiliate: null };
}

export interface DiscountTerms {
  discountCode: string | null;
  discountIds: Partial<Record<DiscountIdPlatform, string>>;
}

/** Claim keys of a set of terms, each with what its claim document holds. */
function claimsOf(terms: DiscountTerms): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const code = terms.discountCode === null ? null : codeKey(terms.discountCode);
  if (code !== null) out.set(code, terms.discountCode);
  for (const platform of DISCOUNT_ID_PLATFORMS) {
    const id = terms.discountIds[platform];
    const key = id === undefined ? null : platformDiscountKey(platform, id);
    if (key !== null) out.set(key, terms.discountCode);
  }
  return out;
}

/**
 * The read half of changing an affiliate's code: refuses a code or discount id another affiliate
 * holds (`conflict`), and returns the writes that move the claims. An affiliate's old claims are
 * released (deleted) only when they are still theirs.
 */
export async function prepareDiscountClaims(tx: Transaction, affiliateId: string, before: DiscountTerms, after: DiscountTerms): Promise<() => void> {
  const wanted = claimsOf(after);
  const held = [...claimsOf(before).keys()].filter((key) => !wanted.has(key));
  const refs = (keys: Iterable<string>) => [...keys].map((key) => discountCodes().doc(key));
  const [wantedSnaps, heldSnaps] = await Promise.all([Promise.all(refs(wanted.keys()).map((ref) => tx.get(ref))), Promise.all(refs(held).map((ref) => tx.get(ref)))]);
  for (const snap of wantedSnaps) {
    const owner = snap.data()?.affiliateId;
    if (owner != null && owner !== affiliateId) {
      const what = snap.id.includes(":") ? "discount id" : "discount code";
      throw new DomainError("conflict", `The ${what} ${snap.data()?.code ?? snap.id} belongs to another affiliate.`, { field: what === "discount id" ? "discountIds" : "discountCode" });
    }
  }
  return () => {
    for (const snap of wantedSnaps) {
      tx.set(snap.ref.withConverter(null), { affiliateId, code: wanted.get(snap.id) ?? null, updatedAt: FieldValue.serverTimestamp() });
    }
    for (const snap of heldSnaps) if (snap.data()?.affiliateId === affiliateId) tx.delete(snap.ref);
  };
}
