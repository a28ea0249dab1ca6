// The owner overview and one affiliate's page in Chromium against the shared emulators. The test's
// sales are paid out in a currency no other suite uses (SEK), so the overview's figures in that
// currency are exactly those of the orders posted here. Screenshots at 390 and 1280 px go to
// test-output/screenshots (gitignored), for people to look at.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { orderKeyOf } from "../../contracts/ids";
import { formatMoney } from "../../web/src/lib/money";
import { paddleTransactionCompleted, post } from "../../scripts/lib/webhooks";
import { daysAgo, OWNER_EMAIL, ownerIdToken, TRIGGER_WAIT, uniqueOrderId } from "../integration/owner/helpers";
import { DESKTOP_UA, launchChromium, signIn } from "../support/browser";
import { createAffiliate, db, eventually } from "../support/emulator";

const CURRENCY = "SEK";
const SCREENSHOTS = join(process.cwd(), "test-output", "screenshots");
const DAY_MS = 86_400_000;

let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  // A first sign-in starts the blocking functions' worker, which on a loaded machine can outlast the
  // browser SDK's network timeout: do it here, outside the page.
  await ownerIdToken();
});

afterAll(async () => {
  await browser?.close();
  expect(pageErrors).toEqual([]);
});

interface Sale {
  affiliateId: string | null;
  daysAgo: number;
  /** Customer total, tax and fee; the base (seller's net) is what is left. */
  totalMinor: number;
  taxMinor: number;
  feeMinor: number;
}

const baseOf = (s: Sale) => s.totalMinor - s.taxMinor - s.feeMinor;

/** Sends the sale as Paddle would and waits until the trigger has counted it. */
async function postSale(sale: Sale): Promise<string> {
  const transactionId = `txn_ov_${uniqueOrderId()}`;
  const request = paddleTransactionCompleted({
    transactionId,
    affiliateId: sale.affiliateId,
    totalMinor: sale.totalMinor,
    taxMinor: sale.taxMinor,
    feeMinor: sale.feeMinor,
    occurredAt: daysAgo(sale.daysAgo),
    payoutCurrency: CURRENCY,
  });
  expect((await post(request)).status).toBe(200);
  const orderKey = orderKeyOf("paddle", transactionId);
  await eventually(async () => ((await db().doc(`orderStats/${orderKey}`).get()).exists ? true : undefined), `summary of ${orderKey}`, TRIGGER_WAIT);
  return orderKey;
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

/** Nothing runs off the side of the page: tables scroll inside their own box. */
async function fitsWidth(page: Page, width: number): Promise<boolean> {
  await page.setViewportSize({ width, height: 900 });
  return (await page.evaluate<unknown>("document.documentElement.scrollWidth <= window.innerWidth")) === true;
}

const money = (minor: number) => formatMoney(minor, CURRENCY);

describe("owner overview", () => {
  test("shows the program's revenue, commissions and top affiliates in each currency, and leads to the affiliate's page", async () => {
    const ada = await createAffiliate({ name: "Overview Ada" });
    const sales: Sale[] = [
      { affiliateId: ada.id, daysAgo: 10, totalMinor: 11_800, taxMinor: 1_800, feeMinor: 590 },
      { affiliateId: ada.id, daysAgo: 45, totalMinor: 11_800, taxMinor: 1_800, feeMinor: 590 },
      { affiliateId: null, daysAgo: 5, totalMinor: 5_900, taxMinor: 900, feeMinor: 300 },
    ];
    for (const sale of sales) await postSale(sale);

    const context = await browser.newContext({ userAgent: DESKTOP_UA, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TRIGGER_WAIT);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await signIn(page, OWNER_EMAIL);
    // The console opens on the overview.
    const overview = page.getByTestId("owner-overview");
    await overview.waitFor().catch(async (err: unknown) => {
      await page.screenshot({ path: join(SCREENSHOTS, "failed-overview.png"), fullPage: true });
      throw new Error(`no overview at ${page.url()}: ${(await page.locator("main").textContent()) ?? ""}`, { cause: err });
    });
    // The picker appears once the program has sales in more than one currency (other suites' USD).
    await page.getByTestId("overview-revenue").waitFor();
    if ((await page.getByTestId("overview-currency").count()) > 0) await page.getByTestId("overview-currency").selectOption(CURRENCY);
    await expect.poll(() => overview.getAttribute("data-currency")).toBe(CURRENCY);

    // Commission is 50% (the program default) of the base, half-even.
    const commission = (s: Sale) => (s.affiliateId ? Math.round(baseOf(s) / 2) : 0);
    const within = (range: number) => sales.filter((s) => s.daysAgo < range);
    for (const range of [30, 90] as const) {
      await page.getByTestId(`overview-range-${range}`).click();
      await expect.poll(() => overview.getAttribute("data-range")).toBe(String(range));
      const inRange = within(range);
      const sum = (list: Sale[], f: (s: Sale) => number) => list.reduce((t, s) => t + f(s), 0);
      await expect.poll(() => page.getByTestId("overview-revenue").textContent()).toBe(money(sum(inRange, baseOf)));
      expect(await page.getByTestId("overview-affiliate-revenue").textContent()).toBe(money(sum(inRange.filter((s) => s.affiliateId), baseOf)));
      expect(await page.getByTestId("overview-commission").textContent()).toBe(money(sum(inRange, commission)));
      // Top affiliates count whole months from the range's first day.
      const monthsFrom = `${new Date(Date.now() - (range - 1) * DAY_MS).toISOString().slice(0, 7)}-01`;
      const inMonths = sales.filter((s) => s.affiliateId && daysAgo(s.daysAgo).slice(0, 10) >= monthsFrom);
      const row = page.locator(`[data-testid=overview-affiliate-row][data-affiliate-id="${ada.id}"]`);
      if (inMonths.length === 0) {
        await row.waitFor({ state: "detached" });
      } else {
        await expect.poll(() => row.locator("td").allTextContents()).toEqual([String(inMonths.length), money(sum(inMonths, baseOf)), money(sum(inMonths, commission))]);
      }
    }
    // The sale 10 days ago is inside its 30-day window; the one 45 days ago has been payable for 15 days.
    const [recent, old] = sales;
    if (!recent || !old) throw new Error("sales missing");
    expect(await page.getByTestId("overview-pending").textContent()).toBe(money(commission(recent)));
    expect(await page.getByTestId("overview-payable").textContent()).toBe(money(commission(old)));
    expect(await page.getByTestId("overview-paid").textContent()).toBe(money(0));
    for (const chart of ["revenue", "affiliate-revenue", "sales", "clicks"]) await page.getByTestId(`overview-chart-${chart}`).waitFor();

    expect(await fitsWidth(page, 390)).toBe(true);
    await screenshots(page, "owner-overview");

    // From the overview's top affiliates to the affiliate's own page.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator(`[data-testid=overview-affiliate-row][data-affiliate-id="${ada.id}"] a`).click();
    const affiliatePage = page.locator(`[data-testid=owner-affiliate-page][data-affiliate-id="${ada.id}"]`);
    await affiliatePage.waitFor();
    await page.getByTestId("affiliate-profile").getByText(ada.email).waitFor();
    await expect.poll(() => page.getByTestId("affiliate-order-row").count()).toBe(2);
    expect(await page.getByTestId(`affiliate-pending-${CURRENCY}`).textContent()).toBe(money(commission(recent)));
    expect(await page.getByTestId(`affiliate-payable-${CURRENCY}`).textContent()).toBe(money(commission(old)));
    expect(await page.getByTestId(`affiliate-sales-${CURRENCY}`).textContent()).toBe("2");
    await page.getByTestId("affiliate-chart-clicks").waitFor();
    expect(await fitsWidth(page, 390)).toBe(true);
    await screenshots(page, "owner-affiliate-page");

    // The affiliates list links to the same page.
    await page.getByTestId("owner-nav-affiliates").click();
    await page.locator(`[data-testid=affiliate-row][data-affiliate-id="${ada.id}"] [data-testid=affiliate-page-link]`).click();
    await affiliatePage.waitFor();
    await context.close();
  }, 600_000);
});
