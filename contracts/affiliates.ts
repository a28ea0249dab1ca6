// What both sides know about an affiliate: the shape of an id and the statuses an owner moves it through.

/**
 * The shape of an affiliate id or slug wherever one arrives: payloads, links, beacons, callables,
 * and the tracking script (web/tracking/track.js carries this pattern verbatim; a test holds them
 * equal). Every match can name a Firestore document (contracts/ids.ts `isDocumentId`): `__x__`
 * fits the alphabet (`\w` is [A-Za-z0-9_]) but Firestore reserves it, so it is excluded. Anything
 * else is "malformed".
 */
export const AFFILIATE_ID = /^(?!__.*__$)[\w-]{3,64}$/;

export const AFFILIATE_STATUSES = ["pending", "active", "disabled", "rejected"] as const;
export type AffiliateStatus = (typeof AFFILIATE_STATUSES)[number];

export function isAffiliateStatus(value: unknown): value is AffiliateStatus {
  return typeof value === "string" && (AFFILIATE_STATUSES as readonly string[]).includes(value);
}

/** What the owner may do to an affiliate's status (see nextStatus in the functions). */
export const STATUS_ACTIONS = ["approve", "reject", "disable", "enable"] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];
