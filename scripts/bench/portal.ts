import { orderKeyOf } from "../../contracts/ids";
import type { Page } from "playwright-core";
import { createAffiliate, uniqueId } from "../../tests/support/emulator";
import { DESKTOP_UA, launchChromium, signIn } from "../../tests/support/browser";
import { lemonSqueezyEvent, post } from "../lib/webhooks";
import { ms, percentile, pool } from "./stats";

type Rows = Array<[string, string]>;

async function seedSales(affiliateId: string, count: number): Promise<void> {
  const tasks = Array.from({ length: count }, (_, i) => async () => {
    const res = await post(
      lemonSqueezyEvent("order_created", {
        orderId: uniqueId("pb"),
        affiliateId,
        subtotalMinor: 1000 + i,
        createdAt: new Date(Date.now() - (i % 90) * 86_400_000).toISOString(),
      }),
    );
    if (!res.ok) throw new Error(`seed sale failed: ${res.status}`);
  });
  await pool(tasks, 16);
}

/** Documents the page's Firestore listeners received, as reported through the User Timing API. */
async function documentsRead(page: Page): Promise<number> {
  return page.evaluate(() =>
    performance
      .getEntriesByName("firestore:read")
      .reduce((sum, entry) => sum + Number((entry as unknown as { detail?: unknown }).detail ?? 0), 0),
  );
}

async function openDashboard(page: Page): Promise<number> {
  const started = performance.now();
  await page.reload();
  await page.getByTestId("commission-row").first().waitFor({ timeout: 30_000 });
  await page.getByTestId("balance-USD").waitFor();
  return performance.now() - started;
}

/** Dashboard render time, reads per open for a short and a long history, and live-update latency. */
export async function benchPortal(): Promise<Rows> {
  const small = await createAffiliate();
  const medium = await createAffiliate();
  const large = await createAffiliate();
  await seedSales(small.id, 10);
  await seedSales(medium.id, 100);
  await seedSales(large.id, 1000);
  // Let the triggers finish projecting the 1,000 orders before the page counts its reads.
  await new Promise((r) => setTimeout(r, 15_000));

  const browser = await launchChromium();
  const rows: Rows = [];
  try {
    const reads: Record<string, number> = {};
    let renders: number[] = [];
    const histories = [["10 orders", small], ["100 orders", medium], ["1,000 orders", large]] as const;
    for (const [label, affiliate] of histories) {
      const context = await browser.newContext({ userAgent: DESKTOP_UA });
      const page = await context.newPage();
      await signIn(page, affiliate.email);
      await page.getByTestId("dashboard").waitFor();
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) samples.push(await openDashboard(page));
      await new Promise((r) => setTimeout(r, 2000));
      reads[label] = await documentsRead(page);
      if (label === "10 orders") renders = samples;
      await context.close();
    }
    rows.push(["Dashboard rendered after load, p50 / p95 (7 loads, Chromium)", `${ms(percentile(renders, 50))} / ${ms(percentile(renders, 95))}`]);
    // Fixed: settings, profile, courses, the ledger shards and one page of 20 commissions (+1 to know
    // whether another page exists); a history shorter than a page reads only what it has.
    for (const [label] of histories) rows.push([`Firestore documents read per dashboard open: ${label}`, String(reads[label])]);

    const context = await browser.newContext({ userAgent: DESKTOP_UA });
    const page = await context.newPage();
    await signIn(page, small.email);
    await page.getByTestId("commission-row").first().waitFor();
    const live: number[] = [];
    for (let i = 0; i < 10; i++) {
      const orderId = uniqueId("live");
      const started = performance.now();
      await post(lemonSqueezyEvent("order_created", { orderId, affiliateId: small.id, subtotalMinor: 4200 }));
      await page.locator(`[data-order-key="${orderKeyOf("lemonsqueezy", orderId)}"]`).waitFor({ timeout: 30_000 });
      live.push(performance.now() - started);
    }
    rows.push(["Webhook POST → commission visible on open dashboard, p50 / p95", `${ms(percentile(live, 50))} / ${ms(percentile(live, 95))}`]);
    await context.close();
  } finally {
    await browser.close();
  }
  return rows;
}
