// The owner console end to end in Chromium against the shared emulators: application, approval,
// re-attribution with the affiliate's dashboard updating live, a payout both sides see, and CSVs.
import { orderKeyOf } from "../../contracts/ids";
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { lemonSqueezyEvent, post } from "../../scripts/lib/webhooks";
import { parseCsv } from "../../web/src/features/owner/csv";
import { daysAgo, OWNER_EMAIL, TRIGGER_WAIT, uniqueOrderId } from "../integration/owner/helpers";
import { DESKTOP_UA, launchChromium, signIn } from "../support/browser";
import { auth, db, eventually, HOSTING, uniqueId } from "../support/emulator";

const STEP_TIMEOUT = 300_000;

let browser: Browser;
let ownerContext: BrowserContext;
let affiliateContext: BrowserContext;
let owner: Page;
let affiliate: Page;
const pageErrors: string[] = [];

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  // Triggers on a busy shared emulator can take a while; every wait is on a data-testid, never a sleep.
  page.setDefaultTimeout(TRIGGER_WAIT);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  ownerContext = await browser.newContext({ userAgent: DESKTOP_UA, acceptDownloads: true });
  affiliateContext = await browser.newContext({ userAgent: DESKTOP_UA });
  owner = await newPage(ownerContext);
  affiliate = await newPage(affiliateContext);
});

// A failed step leaves both pages on disk for inspection.
afterEach(async (context) => {
  if (context.task.result?.state !== "fail") return;
  await owner?.screenshot({ path: "/tmp/owner-console-owner.png", fullPage: true }).catch(() => undefined);
  await affiliate?.screenshot({ path: "/tmp/owner-console-affiliate.png", fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await ownerContext?.close();
  await affiliateContext?.close();
  await browser?.close();
});

async function downloadCsv(page: Page, testId: string, scope = page.locator("body")): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), scope.getByTestId(testId).first().click()]);
  const path = await download.path();
  return parseCsv(await readFile(path, "utf8"));
}

describe("owner console", () => {
  const email = `${uniqueId("applicant")}@test.example`;
  let uid = "";
  let orderKey = "";

  test("an application sent through /apply is approved by the owner; the new affiliate sees their links", async () => {
    await affiliate.goto(`${HOSTING}/apply`);
    await affiliate.locator("input[name=name]").fill("Browser Applicant");
    await affiliate.locator("input[name=email]").fill(email);
    await affiliate.locator("input[name=website]").fill("https://applicant.example");
    await affiliate.locator("textarea[name=promotion]").fill("A newsletter with 4,000 readers who build with TypeScript.");
    await affiliate.getByTestId("apply-form").locator("button[type=submit]").click();
    await affiliate.getByTestId("apply-success").waitFor();
    uid = (await auth().getUserByEmail(email)).uid;

    await signIn(owner, OWNER_EMAIL);
    await owner.getByTestId("owner-home").waitFor();
    await owner.getByTestId("owner-nav-affiliates").click();
    await owner.getByTestId("affiliate-search").fill(email);
    const row = owner.locator(`[data-testid=affiliate-row][data-affiliate-id="${uid}"]`);
    await row.and(owner.locator("[data-status=pending]")).waitFor();
    await row.getByTestId("review-note").fill("Great audience");
    await row.getByTestId("approve-button").click();
    await row.and(owner.locator("[data-status=active]")).waitFor();

    await signIn(affiliate, email);
    await affiliate.getByTestId("dashboard").waitFor();
    const courses = (await db().collection("courses").get()).size;
    const section = affiliate.getByTestId("links");
    if (courses === 0) {
      await section.getByText("No courses are set up yet.").waitFor();
    } else {
      await section.getByTestId("link-row").first().waitFor();
      expect(await section.getByTestId("link-row").count()).toBe(courses);
      expect(await section.getByTestId("tracked-url").first().textContent()).toContain(`/r/${uid}/`);
    }
  }, STEP_TIMEOUT);

  test("the owner re-attributes an unattributed order and the affiliate's dashboard updates live", async () => {
    const orderId = uniqueOrderId();
    orderKey = orderKeyOf("lemonsqueezy", orderId);
    // 45 days old: past the refund window, so it can be paid out in the next test.
    const response = await post(lemonSqueezyEvent("order_created", { orderId, affiliateId: null, subtotalMinor: 20_000, createdAt: daysAgo(45) }));
    expect(response.status).toBe(200);
    await eventually(async () => ((await db().doc(`orders/${orderKey}`).get()).exists ? true : undefined), "order", TRIGGER_WAIT);

    await owner.getByTestId("owner-nav-orders").click();
    await owner.getByTestId("filter-order-key").fill(orderKey);
    const row = owner.locator(`[data-testid=order-row][data-order-key="${orderKey}"]`);
    await row.and(owner.locator('[data-affiliate-id=""]')).waitFor();
    expect(await row.getByTestId("order-receipt").textContent()).toContain("No affiliate reference");
    await row.getByTestId("reattribute-select").selectOption(uid);
    await row.getByTestId("reattribute-button").click();
    await owner.locator(`[data-testid=order-row][data-order-key="${orderKey}"][data-affiliate-id="${uid}"]`).waitFor();

    // No reload: the dashboard's listeners pick up the new commission.
    const commission = affiliate.locator(`[data-testid=commission-row][data-order-key="${orderKey}"]`);
    await commission.waitFor();
    const expected = Number((await db().doc(`orders/${orderKey}`).get()).get("commissionMinor"));
    expect(expected).toBeGreaterThan(0);
    expect(await commission.getByTestId("commission-amount").getAttribute("data-minor")).toBe(String(expected));
    expect(await commission.getAttribute("data-status")).toBe("payable");

    const csv = await downloadCsv(owner, "export-orders");
    expect(csv[0]?.[0]).toBe("order_key");
    expect(csv.find((r) => r[0] === orderKey)?.[14]).toBe(uid);
  }, STEP_TIMEOUT);

  test("the owner records a payout for matured commissions; both sides see it and the PayPal CSV parses", async () => {
    const expected = Number((await db().doc(`orders/${orderKey}`).get()).get("commissionMinor"));
    await owner.getByTestId("owner-nav-payouts").click();
    const payable = owner.locator(`[data-testid=payable-row][data-affiliate-id="${uid}"]`);
    // payableNow is a callable, not a listener: refresh until the trigger has moved the ledger.
    await expect
      .poll(
        async () => {
          if ((await payable.count()) > 0) return payable.getAttribute("data-minor");
          await owner.getByTestId("payable-refresh").click();
          return null;
        },
        { timeout: TRIGGER_WAIT, interval: 1000 },
      )
      .toBe(String(expected));
    await payable.getByTestId("payout-method").selectOption("PayPal");
    await payable.getByTestId("payout-reference").fill("PP-BROWSER-1");
    await payable.getByTestId("record-payout").click();

    const payoutRow = owner.locator(`[data-testid=owner-payout-row][data-affiliate-id="${uid}"]`);
    await payoutRow.waitFor();
    const payoutId = (await payoutRow.getAttribute("data-payout-id")) ?? "";
    expect(payoutId).toMatch(/^po_/);

    // The affiliate sees the payout and the commission turn paid, live.
    await affiliate.locator(`[data-testid=payout-row][data-payout-id="${payoutId}"]`).waitFor();
    await affiliate.locator(`[data-testid=commission-row][data-order-key="${orderKey}"][data-status=paid]`).waitFor();

    const rows = await downloadCsv(owner, "export-paypal", payoutRow);
    const amount = `${Math.trunc(expected / 100)}.${String(expected % 100).padStart(2, "0")}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(0, 4)).toEqual([email, amount, "USD", payoutId]);
    expect(pageErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
