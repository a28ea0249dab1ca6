import type { AffiliateRef } from "../domain/types.js";

/** Checked in this order; `affiliateId` is what our checkout snippet sends, the others are aliases. */
export const AFFILIATE_KEYS = ["affiliateId", "aff", "ref"] as const;

/**
 * Longer values are not ids of ours; attribution validates the format, this only bounds storage:
 * a longer value is kept cut to one character more, so it is still recorded as malformed (never
 * as missing, and never long enough to fail as a document id).
 */
export const MAX_AFFILIATE_REF_LENGTH = 128;

export const NO_AFFILIATE: AffiliateRef = { value: null, field: null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Trims strings and stringifies integers (Lemon Squeezy keeps API-passed JSON numbers as numbers). */
export function normaliseRefValue(value: unknown): string | null {
  let text: string;
  if (typeof value === "string") text = value.trim();
  else if (typeof value === "number" && Number.isSafeInteger(value)) text = String(value);
  else return null;
  return text.length > 0 ? text.slice(0, MAX_AFFILIATE_REF_LENGTH + 1) : null;
}

/**
 * Reads the affiliate reference from a platform's custom-data object. `path` names where that
 * object sits (e.g. "data.custom_data") so the order records which field carried the reference.
 */
export function readAffiliateRef(customData: unknown, path: string): AffiliateRef {
  if (!isRecord(customData)) return NO_AFFILIATE;
  for (const key of AFFILIATE_KEYS) {
    if (!Object.hasOwn(customData, key)) continue;
    const value = normaliseRefValue(customData[key]);
    if (value !== null) return { value, field: `${path}.${key}` };
  }
  return NO_AFFILIATE;
}

/**
 * Paddle Classic's `passthrough` / `custom_data` are free text: a JSON object holding one of the
 * keys above, or (passthrough only) a bare id. Text that looks like JSON but does not parse is not
 * taken as a bare id, since it is almost certainly a broken object rather than an id.
 */
export function readAffiliateRefFromText(text: string | undefined, field: string, allowBare: boolean): AffiliateRef {
  if (text === undefined) return NO_AFFILIATE;
  const trimmed = text.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith('"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return NO_AFFILIATE;
    }
    if (typeof parsed === "string") return allowBare ? bare(parsed, field) : NO_AFFILIATE;
    return readAffiliateRef(parsed, `${field} (json)`);
  }
  return allowBare ? bare(trimmed, field) : NO_AFFILIATE;
}

function bare(text: string, field: string): AffiliateRef {
  const value = normaliseRefValue(text);
  return value === null ? NO_AFFILIATE : { value, field };
}
