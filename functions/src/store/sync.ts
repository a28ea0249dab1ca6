import { orderKeyOf, subscriptionKeyOf } from "../../../contracts/ids.js";
import { emptyCounts, readSyncRun, readSyncState, SYNC_PLATFORMS, type SyncCounts, type SyncKind, type SyncPlatform, type SyncRun, type SyncState } from "../../../contracts/sync.js";
import { DomainError } from "../domain/errors.js";
import type { OrderFacts } from "../orders/facts.js";
import { orders, subscriptions } from "./collections.js";
import { db, FieldValue } from "./firestore.js";

// `syncRuns/{id}` and `syncState/{platform}` (contracts/sync.ts). Written by the functions only;
// the owner reads them (firestore.rules).

const runs = () => db().collection("syncRuns");
const states = () => db().collection("syncState");

/** A run that has not written for this long stopped without saying so (its function timed out). */
export const STALLED_AFTER_MS = 15 * 60_000;

export async function readSyncStates(): Promise<SyncState[]> {
  const snaps = await Promise.all(SYNC_PLATFORMS.map((p) => states().doc(p).get()));
  return snaps.map((snap, i) => readSyncState(snap.data() ?? {}, SYNC_PLATFORMS[i] ?? "paddle"));
}

export async function readRun(id: string): Promise<SyncRun | null> {
  const snap = await runs().doc(id).get();
  return snap.exists ? readSyncRun(snap.data() ?? {}, id) : null;
}

/** Queues a run: the syncRuns trigger carries it out. */
export async function queueRun(input: { platform: SyncPlatform; kind: SyncKind; from: string; now: Date }): Promise<string> {
  const ref = runs().doc();
  await ref.create({
    platform: input.platform,
    kind: input.kind,
    status: "queued",
    from: input.from,
    cursor: null,
    checkpoint: null,
    counts: emptyCounts(),
    error: null,
    createdAt: input.now,
    heartbeatAt: input.now,
    finishedAt: null,
  });
  return ref.id;
}

/** Runs that are queued, running or failed: a new sync of their platform waits for them. */
export async function unfinishedRuns(): Promise<SyncRun[]> {
  const snap = await runs().where("status", "in", ["queued", "running", "failed"]).limit(50).get();
  return snap.docs.map((doc) => readSyncRun(doc.data(), doc.id));
}

/**
 * Queues a failed or stalled run again; it resumes from its cursor. `continuing`: the running run
 * itself hands the rest of its work to a fresh invocation.
 */
export async function requeueRun(id: string, now: Date, options: { continuing?: boolean } = {}): Promise<void> {
  await db().runTransaction(async (tx) => {
    const ref = runs().doc(id);
    const snap = await tx.get(ref);
    if (!snap.exists) throw new DomainError("not-found", "No such sync run.");
    const run = readSyncRun(snap.data() ?? {}, id);
    const stalled = run.status === "running" && (run.heartbeatAt === null || now.getTime() - run.heartbeatAt.getTime() > STALLED_AFTER_MS);
    if (run.status !== "failed" && !stalled && !(options.continuing && run.status === "running")) throw new DomainError("failed-precondition", `This run is ${run.status}; only a failed or stalled run can be resumed.`);
    tx.update(ref, { status: "queued", error: null, heartbeatAt: now });
  });
}

/** Takes a queued run for this invocation; null when another one already took it. */
export async function claimRun(id: string, now: Date): Promise<SyncRun | null> {
  return db().runTransaction(async (tx) => {
    const ref = runs().doc(id);
    const snap = await tx.get(ref);
    const run = snap.exists ? readSyncRun(snap.data() ?? {}, id) : null;
    if (run?.status !== "queued") return null;
    tx.update(ref, { status: "running", heartbeatAt: now });
    return { ...run, status: "running" };
  });
}

/** Records one page: the next cursor, the checkpoint so far and the counts, in one write. */
export async function savePage(id: string, page: { cursor: string | null; checkpoint: string | null; counts: SyncCounts; now: Date }): Promise<void> {
  await runs().doc(id).update({ cursor: page.cursor, checkpoint: page.checkpoint, counts: page.counts, heartbeatAt: page.now });
}

/**
 * Ends a run. A finished one moves the platform's checkpoint forward (never back: a backfill of an
 * old period does not make the next sync read it all again).
 */
export async function finishRun(run: SyncRun, outcome: { status: "done" | "failed"; error: string | null; now: Date }): Promise<void> {
  await db().runTransaction(async (tx) => {
    const stateRef = states().doc(run.platform);
    const state = readSyncState((await tx.get(stateRef)).data() ?? {}, run.platform);
    const checkpoint =
      outcome.status === "done" && run.checkpoint !== null && (state.checkpoint === null || Date.parse(run.checkpoint) > Date.parse(state.checkpoint))
        ? run.checkpoint
        : state.checkpoint;
    tx.update(runs().doc(run.id), { status: outcome.status, error: outcome.error, finishedAt: outcome.status === "done" ? outcome.now : null, heartbeatAt: outcome.now });
    tx.set(stateRef, {
      checkpoint,
      lastRunId: run.id,
      lastStatus: outcome.status,
      lastFinishedAt: outcome.now,
      lastError: outcome.error,
      lastMissed: run.kind === "sync" && outcome.status === "done" ? run.counts.recorded : state.lastMissed,
      updatedAt: FieldValue.serverTimestamp(),
    });
  });
}

/** The stored facts of these orders (missing ones left out): what a sync compares the API with. */
export async function readOrderFacts(platform: SyncPlatform, orderIds: readonly string[]): Promise<Map<string, { facts: OrderFacts; affiliateId: string | null }>> {
  const found = new Map<string, { facts: OrderFacts; affiliateId: string | null }>();
  // A page may list several refunds of one order: each order is read once.
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return found;
  const refs = ids.map((id) => orders().doc(orderKeyOf(platform, id)));
  const snaps = await Promise.all(refs.map((ref) => ref.get()));
  snaps.forEach((snap, i) => {
    const order = snap.data();
    const id = ids[i];
    if (order && id !== undefined) found.set(id, { facts: order.facts, affiliateId: order.affiliateId });
  });
  return found;
}

/** The subscriptions among `ids` whose start is recorded (they know their first order). */
export async function readStartedSubscriptions(platform: SyncPlatform, subscriptionIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(subscriptionIds)];
  const snaps = await Promise.all(ids.map((id) => subscriptions().doc(subscriptionKeyOf(platform, id)).get()));
  return new Set(ids.filter((_, i) => (snaps[i]?.data()?.firstOrderId ?? null) !== null));
}
