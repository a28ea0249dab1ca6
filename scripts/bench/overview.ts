import { getFirestore, FieldValue, type Firestore } from "firebase-admin/firestore";
import type { Page } from "playwright-core";
import { benchSale } from "./sale";
import { nestFields } from "../../functions/src/ledger/delta";
import { diffProgramContributions, programContributionOf, type ProgramStatsDelta } from "../../functions/src/ledger/program";
import { NO_CODE } from "../../functions/src/orders/attribution";
import { deriveOrder } from "../../functions/src/orders/derive";
import { emptyFacts } from "../../functions/src/orders/facts";
import { DESKTOP_UA, launchChromium, signIn } from "../../tests/support/browser";
import { ADA, DEMO_OWNER, GRACE } from "../seed/demo-data";
import { adminApp } from "../seed/seed";

type Rows = Array<[string, string]>;

const LEVELS = [1_000, 10_000] as const;
/** The demo's sales span the last 180 days; added orders stay inside them, so no new year appears. */
const SPAN_DAYS = 170;

/**
 * Adds `count` orders to the overview's summary documents the fast way: each order's contribution
 * is computed with the same pure functions the order trigger uses (deriveOrder →
 * programContributionOf → deltas) and all of them are written as one increment per document.
 * Only the summaries are written (no orders, commissions or ledgers), which is all the overview reads.
 */
async function addToSummaries(db: Firestore, runId: string, from: number, count: number): Promise<void> {
  const now = Date.now();
  const docs = new Map<string, ProgramStatsDelta>();
  for (let i = from; i < from + count; i++) {
    const affiliateId = i % 3 === 0 ? null : i % 3 === 1 ? ADA.id : GRACE.id;
    const derived = deriveOrder(
      { ...emptyFacts(), sale: benchSale(i, now, SPAN_DAYS) },
      {
        attribution: { affiliateId, candidate: affiliateId, field: affiliateId ? "meta.custom_data.affiliateId" : null, rule: "payload_ref", reason: null, selfReferral: false, by: null, ...NO_CODE },
        rateBps: 5000,
        defaultRateBps: 5000,
        refundWindowDays: 30,
        flagApproved: false,
        payouts: {},
      },
    );
    const contribution = programContributionOf(`bench_${runId}_${i}`, { ...derived, courseId: "typescript" });
    for (const delta of diffProgramContributions(null, contribution)) {
      const current = docs.get(delta.docKey) ?? { ...delta, fields: {} };
      for (const [path, value] of Object.entries(delta.fields)) current.fields[path] = (current.fields[path] ?? 0) + value;
      docs.set(delta.docKey, current);
    }
  }
  const writer = db.bulkWriter();
  for (const delta of docs.values()) {
    void writer.set(db.doc(`programStats/${delta.docKey}`), { ...delta.identity, ...nestFields(delta.fields, (v) => FieldValue.increment(v)) }, { merge: true });
  }
  await writer.close();
}

/** Documents the page's Firestore listeners received, as reported through the User Timing API. */
async function documentsRead(page: Page): Promise<number> {
  return page.evaluate(() =>
    performance
      .getEntriesByName("firestore:read")
      .reduce((sum, entry) => sum + Number((entry as unknown as { detail?: unknown }).detail ?? 0), 0),
  );
}

async function openOverview(page: Page): Promise<number> {
  await page.reload();
  await page.getByTestId("overview-revenue").waitFor({ timeout: 60_000 });
  await page.getByTestId("overview-affiliate-row").first().waitFor({ timeout: 60_000 });
  // Let the course and affiliate-name listeners answer too.
  await new Promise((r) => setTimeout(r, 2000));
  return documentsRead(page);
}

/**
 * The overview's Firestore reads per open as the program grows: first with the demo's orders (sent
 * as webhooks by `npm start`), then with the summaries fed 1,000 and 10,000 orders the fast way.
 */
export async function benchOverview(): Promise<Rows> {
  const db = getFirestore(adminApp());
  const runId = Date.now().toString(36);
  const demoOrders = (await db.collection("orders").count().get()).data().count;
  const browser = await launchChromium();
  const rows: Rows = [];
  try {
    const context = await browser.newContext({ userAgent: DESKTOP_UA });
    const page = await context.newPage();
    await signIn(page, DEMO_OWNER.email);
    await page.getByTestId("owner-overview").waitFor({ timeout: 60_000 });
    rows.push([`Firestore documents read per overview open: ${demoOrders} orders (the demo, via webhooks)`, String(await openOverview(page))]);
    let total = demoOrders;
    for (const level of LEVELS) {
      await addToSummaries(db, runId, total, level - total);
      total = level;
      rows.push([`Firestore documents read per overview open: ${level.toLocaleString("en-US")} orders (summaries fed directly)`, String(await openOverview(page))]);
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return rows;
}
