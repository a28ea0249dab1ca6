// How a click moves a visitor's counts. Pure: the click endpoints apply it to the visit document in
// a transaction, and the fold sums the visits of a day into clickStats.

export type ClickSource = "redirect" | "beacon";

/** What one visitor did for one affiliate on one day (kept on visits/{affiliateId}_{day}_{hash}). */
export interface VisitCounts {
  redirect: number;
  beacon: number;
}

/** Visits are the raw click records the owner may inspect (C-13): kept 90 days, long after their day was folded. */
export const VISIT_TTL_DAYS = 90;

/**
 * One visit through a /r/ link is seen twice: by the redirect, then by t.js's beacon on the landing
 * page (its URL carries ?affiliateId=). A visitor's clicks for the day are therefore the larger of
 * the two counts, not their sum; a visit on a page reached without /r/ is seen by the beacon alone.
 * Applying the deltas in any order ends at the same totals.
 */
export function addVisit(before: VisitCounts | null, source: ClickSource): { after: VisitCounts; clicks: 0 | 1; unique: 0 | 1 } {
  const prior = before ?? { redirect: 0, beacon: 0 };
  const after = { ...prior, [source]: prior[source] + 1 };
  const clicks = Math.max(after.redirect, after.beacon) > Math.max(prior.redirect, prior.beacon) ? 1 : 0;
  return { after, clicks, unique: before === null ? 1 : 0 };
}

/** The clicks a visitor's counts make: the larger count, as explained on addVisit. */
export function clicksOf(counts: VisitCounts): number {
  return Math.max(counts.redirect, counts.beacon);
}

/** `YYYY-MM-DD` in UTC, the day format of the data model. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function daysAfter(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}
