import type { UaClass } from "../clicks/ua-class.js";
import { CLICK_SHARDS } from "../../../contracts/clicks.js";
import { clickStatsKeyOf, visitorKeyOf } from "../../../contracts/ids.js";
import { addVisit, CLICK_TTL_DAYS, daysAfter, VISITOR_TTL_DAYS, type ClickSource, type VisitCounts } from "../clicks/visits.js";
import { db, FieldValue, Timestamp } from "./firestore.js";

export interface AffiliateLookup {
  /** The real affiliate id, also when the link used the slug. */
  id: string;
  active: boolean;
}

/**
 * An affiliate by id or by readable slug (`slugs/{slug}`). Ids come from the URL, already limited
 * to [A-Za-z0-9_-]{3,64}; `__x__` ids are reserved by Firestore and would throw, so they are unknown.
 */
export async function findAffiliate(ref: string): Promise<AffiliateLookup | null> {
  if (/^__.*__$/.test(ref)) return null;
  const firestore = db();
  const direct = await firestore.collection("affiliates").doc(ref).get();
  if (direct.exists) return { id: direct.id, active: direct.get("status") === "active" };
  const slug = await firestore.collection("slugs").doc(ref).get();
  const id: unknown = slug.get("affiliateId");
  if (typeof id !== "string" || id === "" || id.includes("/")) return null;
  const bySlug = await firestore.collection("affiliates").doc(id).get();
  return bySlug.exists ? { id: bySlug.id, active: bySlug.get("status") === "active" } : null;
}

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
  const clickRef = firestore.collection("clicks").doc(clickId);
  return firestore.runTransaction(async (tx) => {
    const click = await tx.get(clickRef);
    if (!click.exists) return "missing";
    if (click.get("counted") === true) return "already-counted";
    const affiliateId = String(click.get("affiliateId"));
    const day = String(click.get("day"));
    const source: ClickSource = click.get("source") === "redirect" ? "redirect" : "beacon";
    const shardValue: unknown = click.get("shard");
    const shard = typeof shardValue === "number" && Number.isInteger(shardValue) && shardValue >= 0 && shardValue < CLICK_SHARDS ? shardValue : 0;
    const visitorRef = firestore.collection("visitors").doc(visitorKeyOf(affiliateId, day, String(click.get("visitor"))));
    const visitor = await tx.get(visitorRef);
    const before: VisitCounts | null = visitor.exists
      ? { redirect: numberOr0(visitor.get("redirect")), beacon: numberOr0(visitor.get("beacon")) }
      : null;
    const { after, clicks, unique } = addVisit(before, source);
    if (before === null) {
      const expireAt = Timestamp.fromDate(daysAfter(new Date(`${day}T00:00:00Z`), VISITOR_TTL_DAYS));
      tx.create(visitorRef, { affiliateId, day, ...after, expireAt });
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

function numberOr0(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}
