import type { UaClass } from "../clicks/ua-class.js";
import { CLICK_SHARDS } from "../../../contracts/clicks.js";
import { clickStatsKeyOf, visitorKeyOf } from "../../../contracts/ids.js";
import { addVisit, CLICK_TTL_DAYS, daysAfter, VISITOR_TTL_DAYS, type ClickSource } from "../clicks/visits.js";
import { clickDocs, visitorDocs } from "./collections.js";
import { db, FieldValue, Timestamp } from "./firestore.js";

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

/**
 * One counted click, under a random id: a burst of clicks spreads over the collection instead of
 * queueing on one document. The counters are moved later by the trigger (countClick).
 */
export async function createClick(click: NewClick, now: Date): Promise<string> {
  const ref = db().collection("clicks").doc();
  await ref.create({
    ...click,
    shard: Math.floor(Math.random() * CLICK_SHARDS),
    counted: false,
    createdAt: Timestamp.fromDate(now),
    expireAt: Timestamp.fromDate(daysAfter(now, CLICK_TTL_DAYS)),
  });
  return ref.id;
}

export type CountOutcome = "counted" | "already-counted" | "missing";

/**
 * Adds one click to its affiliate's monthly stats shard, exactly once: the click document's
 * `counted` flag is read and set in the same transaction as the increments, so a retried or
 * repeated trigger changes nothing. The visitor document decides uniques (created when absent) and
 * folds a /r/ redirect and the beacon of the page it lands on into one click (see addVisit).
 */
export async function countClick(clickId: string): Promise<CountOutcome> {
  const firestore = db();
  const clickRef = clickDocs().doc(clickId);
  return firestore.runTransaction(async (tx) => {
    const click = (await tx.get(clickRef)).data();
    if (!click) return "missing";
    if (click.counted) return "already-counted";
    const { affiliateId, day, source } = click;
    const shard = click.shard >= 0 && click.shard < CLICK_SHARDS ? click.shard : 0;
    const visitorRef = visitorDocs().doc(visitorKeyOf(affiliateId, day, click.visitor));
    const before = (await tx.get(visitorRef)).data() ?? null;
    const { after, clicks, unique } = addVisit(before, source);
    if (before === null) {
      const expireAt = Timestamp.fromDate(daysAfter(new Date(`${day}T00:00:00Z`), VISITOR_TTL_DAYS));
      tx.create(visitorRef.withConverter(null), { affiliateId, day, ...after, expireAt });
    } else {
      tx.update(visitorRef, { ...after });
    }
    if (clicks + unique > 0) {
      const key = clickStatsKeyOf(affiliateId, day, shard);
      tx.set(
        firestore.collection("clickStats").doc(key.id),
        {
          affiliateId,
          month: key.month,
          shard,
          days: { [key.dd]: { clicks: FieldValue.increment(clicks), uniques: FieldValue.increment(unique) } },
        },
        { merge: true },
      );
    }
    tx.update(clickRef, { counted: true, folded: clicks === 0, unique: unique === 1 });
    return "counted";
  });
}

