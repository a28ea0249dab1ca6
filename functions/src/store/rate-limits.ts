import { type Bucket, retryAfterSeconds } from "../domain/limits.js";
import { DomainError } from "../domain/errors.js";
import { db, FieldValue, Timestamp } from "./firestore.js";

// `rateLimits/{bucketId}`: { scope, count, expireAt }. No transaction: a burst on one counter would
// make transactions contend and abort, failing callers that were within the limit. Instead a
// request reads the count (a full window refuses with no write), adds one atomically, and reads it
// back: the count it reads includes its own increment, so at most `max` requests ever see a value
// within the limit, however many run at once. Near the limit a request may be refused although a
// later one was counted in before its read: erring towards refusing keeps the cap exact.

const counter = (bucket: Bucket) => db().collection("rateLimits").doc(bucket.id);

const countOf = async (bucket: Bucket): Promise<number> => {
  const value: unknown = (await counter(bucket).get()).get("count");
  return typeof value === "number" ? value : 0;
};

/** Takes one use of `bucket`; false when the window is spent. */
async function take(bucket: Bucket): Promise<boolean> {
  if ((await countOf(bucket)) >= bucket.max) return false;
  await counter(bucket).set({ scope: bucket.scope, count: FieldValue.increment(1), expireAt: Timestamp.fromDate(bucket.expireAt) }, { merge: true });
  return (await countOf(bucket)) <= bucket.max;
}

/**
 * Takes one use of each bucket in order and stops at the first spent one, so a request refused by
 * an early (narrow) limit never counts towards a later (wider) one. Refuses with `rate-limited`,
 * naming the limit and when to try again.
 */
export async function takeOrRefuse(buckets: readonly Bucket[], now: Date): Promise<void> {
  for (const bucket of buckets) {
    if (await take(bucket)) continue;
    const retryAfter = retryAfterSeconds(bucket, now);
    throw new DomainError("rate-limited", `Too many requests. Try again in ${Math.ceil(retryAfter / 60)} minutes.`, { limit: bucket.scope, retryAfterSeconds: retryAfter });
  }
}
