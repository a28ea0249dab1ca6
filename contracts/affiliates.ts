// What both sides know about an affiliate: the shape of an id and the statuses an owner moves it through.

/** The shape of an affiliate id or slug wherever one arrives: payloads, links, beacons, callables. */
export const AFFILIATE_ID = /^[A-Za-z0-9_-]{3,64}$/;

export const AFFILIATE_STATUSES = ["pending", "active", "disabled", "rejected"] as const;
export type AffiliateStatus = (typeof AFFILIATE_STATUSES)[number];

export function isAffiliateStatus(value: unknown): value is AffiliateStatus {
  return typeof value === "string" && (AFFILIATE_STATUSES as readonly string[]).includes(value);
}

/** What the owner may do to an affiliate's status (see nextStatus in the functions). */
export const STATUS_ACTIONS = ["approve", "reject", "disable", "enable"] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];
