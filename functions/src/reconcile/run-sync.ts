import * as logger from "firebase-functions/logger";
import type { SyncCounts, SyncPlatform, SyncRun } from "../../../contracts/sync.js";
import { listOf, ownerEmails, paddleEnvironment, portalUrl } from "../config/params.js";
import { publicUrl } from "../config/public-url.js";
import type { ParsedEvent } from "../domain/types.js";
import { missedSalesEmail } from "../emails/missed-sales-email.js";
import { CUMULATIVE_REFUND_KEY, type OrderFacts } from "../orders/facts.js";
import { queueMails } from "../store/mail.js";
import { readProgramSettings } from "../store/program.js";
import { claimRun, finishRun, readOrderFacts, readStartedSubscriptions, requeueRun, savePage } from "../store/sync.js";
import { applyEvent, markFailed, storeArrival } from "../store/webhook-events.js";
import { PayloadError } from "../webhooks/payload-error.js";
import { identify, parseVerified, storageKey, type Receipt } from "../webhooks/receipt.js";
import { replayEvents } from "../webhooks/replay.js";
import { withDiscountCode } from "./discount-codes.js";
import type { SyncRecord } from "./records.js";
import { syncSource, type SyncSource } from "./sources.js";

// One sync run, page by page: every record the API lists becomes the body its webhook would have
// sent and goes through the same store (webhookEvents, marked `source: sync`), parse and apply as
// a delivery. What is recorded already (the order has its sale, the refund is there) is counted
// and left alone, so a sync changes nothing a webhook brought; and a webhook arriving after the
// sync changes nothing either (see paddle-records.ts and lemonsqueezy-records.ts for why). After
// each page the run stores its cursor and counts: a run that stops (an API that keeps failing,
// a function timeout) resumes from the page it was on, and re-reading a page records nothing twice.

const PLATFORM_NAMES: Record<SyncPlatform, string> = { paddle: "Paddle", lemonsqueezy: "Lemon Squeezy" };

/** Stop well before the function's 540 s and queue the rest as a continuation of the same run. */
const SLICE_MS = 7 * 60_000;

function receiptFor(platform: SyncPlatform): Receipt {
  return { sandbox: platform === "paddle" && paddleEnvironment.value() === "sandbox" };
}

/** Whether the stored facts (or, for a subscription's start, its subscription) already hold what this event would add. */
function alreadyRecorded(event: ParsedEvent, facts: OrderFacts | undefined, startedSubscriptions: ReadonlySet<string>): boolean {
  if (event.kind === "subscription") return startedSubscriptions.has(event.start.subscriptionId);
  if (!facts) return false;
  if (event.kind === "sale") return facts.sale !== null;
  if (event.kind === "refund") {
    const stored = facts.refunds[event.refund.mode === "cumulative" ? CUMULATIVE_REFUND_KEY : event.refund.refundId];
    return stored !== undefined && stored.grossMinor >= event.refund.grossMinor;
  }
  if (event.kind === "chargeback") return facts.chargebacks[event.chargeback.chargebackId] !== undefined;
  return true;
}

const later = (a: string | null, b: string | null): string | null => (b === null ? a : a === null || Date.parse(b) > Date.parse(a) ? b : a);
const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Records what one page holds that is not recorded yet; returns the page's counts. */
async function applyPage(run: SyncRun, records: readonly SyncRecord[], now: Date): Promise<SyncCounts> {
  const counts: SyncCounts = { pages: 1, found: 0, alreadyKnown: 0, recorded: 0, unattributed: 0, refunds: 0 };
  const [known, started] = await Promise.all([
    readOrderFacts(run.platform, records.map((r) => r.orderId)),
    readStartedSubscriptions(run.platform, records.flatMap((r) => r.subscriptionId ?? [])),
  ]);
  const receipt = receiptFor(run.platform);
  const newSales: string[] = [];
  for (const record of records) {
    for (const body of record.bodies) {
      let event: ParsedEvent | null = null;
      try {
        event = parseVerified(run.platform, body, receipt);
      } catch (err) {
        if (!(err instanceof PayloadError)) throw err;
      }
      if (event?.kind === "sale") counts.found++;
      if (event !== null && (event.kind === "ignored" || event.kind === "customer")) continue;
      if (event !== null && alreadyRecorded(event, known.get(record.orderId)?.facts, started)) {
        if (event.kind === "sale") counts.alreadyKnown++;
        continue;
      }
      const stored = await storeArrival({
        platform: run.platform,
        eventKey: storageKey(run.platform, body),
        eventType: identify(run.platform, body).eventType,
        rawBody: body,
        sandbox: receipt.sandbox,
        now,
        syncRunId: run.id,
      });
      let outcome: string;
      if (event === null) {
        // Kept failed with the reason, like a webhook whose body does not parse: the owner sees it.
        await markFailed(stored.id, "parse", `synced record does not parse`, now);
        continue;
      }
      if (stored.created) {
        outcome = await applyEvent(stored.id, run.platform, await withDiscountCode(run.platform, event));
      } else {
        // Its webhook is stored under the same key but was not applied: apply that body, which may
        // carry what the API does not return (Lemon Squeezy's custom data).
        outcome = (await replayEvents({ ids: [stored.id], statuses: ["received", "failed"] }))[0]?.outcome ?? "skipped";
      }
      if (outcome !== "applied") {
        if (event.kind === "sale") counts.alreadyKnown++;
        continue;
      }
      if (event.kind === "sale") {
        counts.recorded++;
        newSales.push(record.orderId);
      } else {
        counts.refunds++;
      }
    }
  }
  const recorded = await readOrderFacts(run.platform, newSales);
  counts.unattributed = newSales.filter((id) => (recorded.get(id)?.affiliateId ?? null) === null).length;
  return counts;
}

function addCounts(a: SyncCounts, b: SyncCounts): SyncCounts {
  return {
    pages: a.pages + b.pages,
    found: a.found + b.found,
    alreadyKnown: a.alreadyKnown + b.alreadyKnown,
    recorded: a.recorded + b.recorded,
    unattributed: a.unattributed + b.unattributed,
    refunds: a.refunds + b.refunds,
  };
}

async function mailOwner(run: SyncRun): Promise<void> {
  const settings = await readProgramSettings();
  await queueMails(
    missedSalesEmail({
      programName: settings.name,
      ownerEmails: [...listOf(ownerEmails.value()), ...settings.notifyEmails],
      platformName: PLATFORM_NAMES[run.platform],
      runId: run.id,
      missed: run.counts.recorded,
      unattributed: run.counts.unattributed,
      portalUrl: publicUrl(portalUrl),
    }),
  );
}

export interface RunOptions {
  now?: () => Date;
  /** Tests and the bench pass their own client; otherwise the platform's configured one. */
  source?: SyncSource;
  sliceMs?: number;
}

/**
 * Carries out a queued run, if this invocation is the one that claims it. Returns the run as it
 * ended this slice: `done`, `failed` (error kept, resumable), or `queued` again to continue.
 */
export async function executeRun(id: string, options: RunOptions = {}): Promise<SyncRun | null> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const claimed = await claimRun(id, now());
  if (claimed === null) return null;
  let run: SyncRun = claimed;
  const source = options.source ?? syncSource(run.platform);
  if (source === null) {
    const error = `${PLATFORM_NAMES[run.platform]} API key not set: reconciliation is off.`;
    await finishRun(run, { status: "failed", error, now: now() });
    return { ...run, status: "failed", error };
  }
  let cursor: string | null = run.cursor ?? source.firstPage(run.from);
  try {
    while (cursor !== null) {
      const page = await source.fetchPage(cursor, run.from);
      const counts = await applyPage(run, page.records, now());
      const checkpoint = page.records.reduce<string | null>((acc, r) => later(acc, r.updatedAt), run.checkpoint);
      cursor = page.next;
      run = { ...run, cursor, checkpoint, counts: addCounts(run.counts, counts) };
      await savePage(run.id, { cursor, checkpoint, counts: run.counts, now: now() });
      if (cursor !== null && Date.now() - started > (options.sliceMs ?? SLICE_MS)) {
        await requeueRun(run.id, now(), { continuing: true });
        return { ...run, status: "queued" };
      }
    }
  } catch (err) {
    const error = messageOf(err).slice(0, 500);
    logger.error("sync run stopped; it resumes from its last page", { runId: run.id, platform: run.platform, error });
    await finishRun(run, { status: "failed", error, now: now() });
    return { ...run, status: "failed", error };
  }
  await finishRun(run, { status: "done", error: null, now: now() });
  if (run.kind === "sync" && run.counts.recorded > 0) await mailOwner(run);
  return { ...run, status: "done" };
}
