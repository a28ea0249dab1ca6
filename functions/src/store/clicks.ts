import type { UaClass } from "../clicks/ua-class.js";
import { clickStatsKeyOf, visitKeyOf } from "../../../contracts/ids.js";
import { PROGRAM_STATS_SHARDS, programClicksKeyOf } from "../../../contracts/program-stats.js";
import { shardOf } from "../ledger/contribution.js";
import { addVisit, clicksOf, daysAfter, VISIT_TTL_DAYS, type ClickSource } from "../clicks/visits.js";
import { clickStatDocs, visitDocs } from "./collections.js";
import { AggregateField, db, FieldValue, Timestamp } from "./firestore.js";

// Clicks cost one write each: the visit document. The portal's counters (clickStats) are folded
// from the visits later, one write per fold whatever the number of clicks it covers (docs/clicks.md).

export interface NewClick {
  affiliateId: string;
  courseId: string | null;
  source: ClickSource;
  day: string;
  visitor: string;
  ipPrefix: string | null;
  ua: UaClass;
  /** Landing page without query (beacons only). */
  page: string | null;
}

/** Request ids kept per visit: far more than the retries of one commit. */
const REMEMBERED_REQUESTS = 10;

/**
 * Adds one click to its visitor's document for the day: one read and one write, contended only by
 * the same visitor. The first click creates the document with what it knows of the visit; later ones
 * move the counts. A request id already on the document means this commit was retried by the SDK
 * after it had in fact landed, so it is not counted again.
 */
export async function recordVisit(click: NewClick, requestId: string, now: Date): Promise<"recorded" | "already-recorded"> {
  const { source, ...visit } = click;
  const { affiliateId, day, visitor } = visit;
  const ref = visitDocs().doc(visitKeyOf(affiliateId, day, visitor));
  return db().runTransaction(async (tx) => {
    const before = (await tx.get(ref)).data();
    if (before?.requestIds.includes(requestId)) return "already-recorded";
    const { after } = addVisit(before ?? null, source);
    const at = Timestamp.fromDate(now);
    if (before === undefined) {
      tx.create(ref.withConverter(null), {
        ...visit,
        ...after,
        clicks: clicksOf(after),
        requestIds: [requestId],
        firstAt: at,
        lastAt: at,
        expireAt: Timestamp.fromDate(daysAfter(now, VISIT_TTL_DAYS)),
      });
    } else {
      tx.update(ref.withConverter(null), {
        [source]: after[source],
        clicks: clicksOf(after),
        requestIds: [...before.requestIds, requestId].slice(-REMEMBERED_REQUESTS),
        lastAt: at,
      });
    }
    return "recorded";
  });
}

/**
 * The fold writes each day whole into this shard of the month's clickStats. Readers still sum every
 * shard (contracts/clicks.ts): the others hold counters incremented before the fold existed.
 */
const FOLD_SHARD = 0;

function notBefore(a: Timestamp, b: Timestamp): boolean {
  return a.seconds > b.seconds || (a.seconds === b.seconds && a.nanoseconds >= b.nanoseconds);
}

async function foldedAt(affiliateId: string, day: string): Promise<Timestamp | null> {
  const key = clickStatsKeyOf(affiliateId, day, FOLD_SHARD);
  return (await clickStatDocs().doc(key.id).get()).data()?.[key.dd]?.asOf ?? null;
}

/** True once the stats hold a count taken at or after `changedAt`, which therefore includes that change. */
export async function dayCountedSince(affiliateId: string, day: string, changedAt: Timestamp): Promise<boolean> {
  const asOf = await foldedAt(affiliateId, day);
  return asOf !== null && notBefore(asOf, changedAt);
}

export type FoldOutcome = "folded" | "newer-count-kept";

/**
 * Counts the day's visits (unique visitors) and sums their clicks with one aggregation query, then
 * writes both into the day's stats with the query's read time. The count is exact as of that time,
 * so folds may run in any number and order: a fold whose count is older than the one stored leaves
 * it alone. `folds` counts the writes, which the bench reports.
 */
export async function foldDay(affiliateId: string, day: string): Promise<FoldOutcome> {
  const counted = await visitDocs()
    .where("affiliateId", "==", affiliateId)
    .where("day", "==", day)
    .aggregate({ uniques: AggregateField.count(), clicks: AggregateField.sum("clicks") })
    .get();
  const asOf = counted.readTime;
  const { uniques, clicks } = counted.data();
  const key = clickStatsKeyOf(affiliateId, day, FOLD_SHARD);
  const ref = clickStatDocs().doc(key.id);
  const year = Number(day.slice(0, 4));
  const programShard = shardOf(affiliateId, PROGRAM_STATS_SHARDS);
  return db().runTransaction(async (tx) => {
    const storedDay = (await tx.get(ref)).data()?.[key.dd];
    const stored = storedDay?.asOf ?? null;
    if (stored !== null && notBefore(stored, asOf)) return "newer-count-kept";
    tx.set(
      ref.withConverter(null),
      { affiliateId, month: key.month, shard: FOLD_SHARD, days: { [key.dd]: { clicks, uniques, asOf, folds: FieldValue.increment(1) } } },
      { merge: true },
    );
    // The program's click summary moves by what this recount changes, read in this transaction, so
    // it stays the sum of every affiliate's folded days however many folds run. A day counted before
    // folding existed (no asOf) was never in the summary: its recount goes in whole.
    const before = stored !== null && storedDay ? storedDay : { clicks: 0, uniques: 0 };
    const change = { clicks: clicks - before.clicks, uniques: uniques - before.uniques };
    if (change.clicks !== 0 || change.uniques !== 0) {
      tx.set(
        db().collection("programStats").doc(programClicksKeyOf(year, programShard)),
        {
          kind: "clicks",
          year,
          shard: programShard,
          days: { [day.slice(5)]: { clicks: FieldValue.increment(change.clicks), uniques: FieldValue.increment(change.uniques) } },
          updatedAt: FieldValue.serverTimestamp(),
        },
        { merge: true },
      );
    }
    return "folded";
  });
}
