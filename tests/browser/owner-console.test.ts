// The owner console end to end in Chromium against the shared emulators: application, approval,
// re-attribution with the affiliate's dashboard updating live, a payout both sides see, and CSVs.
import { orderKeyOf } from "../../contracts/ids";
import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { lemonSqueezyEvent, paddleTransactionCompleted, post } from "../../scripts/lib/webhooks";
import { csvRecords, parseCsv } from "../../web/src/lib/csv";
import { call, daysAgo, OWNER_EMAIL, TRIGGER_WAIT, uniqueOrderId } from "../integration/owner/helpers";
import { inCurrency, storedByAnOlderVersion, storedOf } from "../integration/webhooks/stored-events";
import { DESKTOP_UA, launchChromium, signIn } from "../support/browser";
import { payableRowShowing } from "./payable-row";
import { auth, createAffiliate, db, eventually, HOSTING, uniqueId } from "../support/emulator";

const STEP_TIMEOUT = 300_000;

// Each test opens its own pages and makes its own affiliate and orders, so any one of them runs alone.
let browser: Browser;
let contexts: BrowserContext[] = [];
let pages: Page[] = [];
let pageErrors: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ userAgent: DESKTOP_UA, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  pages.push(page);
  // Triggers on a busy shared emulator can take a while; every wait is on a data-testid, never a sleep.
  page.setDefaultTimeout(TRIGGER_WAIT);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return page;
}

/** A page signed in as the owner, on the console's home. */
async function ownerConsole(): Promise<Page> {
  const page = await newPage();
  await signIn(page, OWNER_EMAIL);
  await page.getByTestId("owner-home").waitFor();
  return page;
}

/** A page signed in as this affiliate, on their dashboard. */
async function dashboardOf(email: string): Promise<Page> {
  const page = await newPage();
  await signIn(page, email);
  await page.getByTestId("dashboard").waitFor();
  return page;
}

/** Fills in and sends the public application form as an applicant would. */
async function sendApplication(page: Page, email: string): Promise<void> {
  await page.goto(`${HOSTING}/apply`);
  await page.locator("input[name=name]").fill("Browser Applicant");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=website]").fill("https://applicant.example");
  await page.locator("textarea[name=promotion]").fill("A newsletter with 4,000 readers who build with TypeScript.");
  await page.getByTestId("apply-form").locator("button[type=submit]").click();
  await page.getByTestId("apply-success").waitFor();
}

/** A sale 45 days old (past the refund window, so payable), credited to `affiliateId` or to nobody. */
async function maturedSale(affiliateId: string | null): Promise<string> {
  const orderId = uniqueOrderId();
  const orderKey = orderKeyOf("lemonsqueezy", orderId);
  const response = await post(lemonSqueezyEvent("order_created", { orderId, affiliateId, subtotalMinor: 20_000, createdAt: daysAgo(45) }));
  expect(response.status).toBe(200);
  await eventually(async () => ((await db().doc(`orders/${orderKey}`).get()).exists ? true : undefined), "order", TRIGGER_WAIT);
  return orderKey;
}

async function commissionOf(orderKey: string): Promise<number> {
  const commission = Number((await db().doc(`orders/${orderKey}`).get()).get("commissionMinor"));
  expect(commission).toBeGreaterThan(0);
  return commission;
}

beforeAll(async () => {
  browser = await launchChromium();
});

beforeEach(() => {
  pageErrors = [];
});

afterEach(async (context) => {
  // A failed test leaves its pages on disk for inspection.
  if (context.task.result?.state === "fail") {
    for (const [i, page] of pages.entries()) await page.screenshot({ path: `/tmp/owner-console-${i}.png`, fullPage: true }).catch(() => undefined);
  }
  for (const c of contexts) await c.close();
  contexts = [];
  pages = [];
  expect(pageErrors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

async function downloadCsv(page: Page, testId: string, scope = page.locator("body")): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), scope.getByTestId(testId).first().click()]);
  const path = await download.path();
  return parseCsv(await readFile(path, "utf8"));
}

describe("owner console", () => {
  test("an application sent through /apply is approved by the owner; the new affiliate sees their links", async () => {
    const email = `${uniqueId("applicant")}@test.example`;
    const affiliate = await newPage();
    await sendApplication(affiliate, email);
    // Nothing but the application exists until the owner approves it.
    await expect(auth().getUserByEmail(email)).rejects.toMatchObject({ code: "auth/user-not-found" });

    const owner = await ownerConsole();
    await owner.getByTestId("owner-nav-applications").click();
    const row = owner.locator(`[data-testid=application-row][data-email="${email}"]`);
    await row.getByTestId("application-approve").click();
    await row.waitFor({ state: "detached" });
    const uid = (await auth().getUserByEmail(email)).uid;
    await expect.poll(async () => String((await db().doc(`affiliates/${uid}`).get()).get("status"))).toBe("active");

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

  test("the owner sees the newest applications first and deletes spam in bulk", async () => {
    // Spam sent straight to the callable from one machine (a trusted address of the test's own), then a real applicant.
    const spam = [0, 1, 2, 3].map(() => `${uniqueId("spam")}@test.example`);
    const machine = { "x-forwarded-for": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` };
    for (const email of spam) {
      expect(await call("apply", { name: "Spam Bot", email, website: "https://spam.example", promotion: "Cheap followers, cheap likes, cheap everything." }, undefined, machine)).toMatchObject({ status: 200 });
    }
    const real = `${uniqueId("real")}@test.example`;
    await sendApplication(await newPage(), real);

    const owner = await ownerConsole();
    await owner.getByTestId("owner-nav-applications").click();
    const rows = owner.getByTestId("application-row");
    await expect.poll(() => rows.first().getAttribute("data-email")).toBe(real);
    const emails = await Promise.all((await rows.all()).map((row) => row.getAttribute("data-email")));
    // Newest first: the real applicant, then the spam in reverse order of arrival.
    expect(emails.slice(0, 5)).toEqual([real, ...[...spam].reverse()]);

    for (const email of spam) await owner.locator(`[data-testid=application-row][data-email="${email}"]`).getByTestId("application-select").check();
    await owner.getByTestId("applications-delete").click();
    await owner.getByTestId("applications-message").getByText("Deleted 4 applications.").waitFor();
    for (const email of spam) await owner.locator(`[data-testid=application-row][data-email="${email}"]`).waitFor({ state: "detached" });
    expect(await owner.locator(`[data-testid=application-row][data-email="${real}"]`).count()).toBe(1);
    const left = await Promise.all(spam.map(async (email) => (await db().collection("applications").where("email", "==", email).get()).size));
    expect(left).toEqual([0, 0, 0, 0]);
  }, STEP_TIMEOUT);

  test("the owner re-attributes an unattributed order and the affiliate's dashboard updates live", async () => {
    const { id: uid, email } = await createAffiliate();
    const orderKey = await maturedSale(null);
    const affiliate = await dashboardOf(email);
    const owner = await ownerConsole();

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
    expect(await commission.getByTestId("commission-amount").getAttribute("data-minor")).toBe(String(await commissionOf(orderKey)));
    expect(await commission.getAttribute("data-status")).toBe("payable");

    const orders = csvRecords(await downloadCsv(owner, "export-orders"));
    expect(orders.find((r) => r.order_key === orderKey)?.affiliate_id).toBe(uid);
  }, STEP_TIMEOUT);

  test("the owner records a payout for matured commissions; both sides see it and the PayPal CSV parses", async () => {
    const { id: uid, email } = await createAffiliate();
    const orderKey = await maturedSale(uid);
    const expected = await commissionOf(orderKey);
    const affiliate = await dashboardOf(email);
    const owner = await ownerConsole();

    await owner.getByTestId("owner-nav-payouts").click();
    const payable = await payableRowShowing(owner, uid, String(expected));
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

    // PayPal's payouts file has no header: email, amount, currency, reference id, note.
    const rows = await downloadCsv(owner, "export-paypal", payoutRow);
    const amount = `${Math.trunc(expected / 100)}.${String(expected % 100).padStart(2, "0")}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.slice(0, 4)).toEqual([email, amount, "USD", payoutId]);
  }, STEP_TIMEOUT);

  test("failed events are listed with their reason; Replay applies one whose cause is gone and keeps one that still fails", async () => {
    const paddleSale = () => {
      const txn = uniqueId("txn_ui");
      return { txn, request: paddleTransactionCompleted({ transactionId: txn, totalMinor: 250_000, taxMinor: 0, feeMinor: 10_000, customerId: uniqueId("ctm_ui") }) };
    };
    // A RUB sale stored failed by a version whose table lacked RUB, and an XTS sale failing now.
    const rub = paddleSale();
    const rubId = await storedByAnOlderVersion(inCurrency(rub.request, "RUB"));
    const xts = inCurrency(paddleSale().request, "XTS");
    expect((await post(xts)).status).toBe(200);
    const xtsId = storedOf(xts).id;

    const owner = await ownerConsole();
    await owner.getByTestId("owner-nav-events").click();
    const rowOf = (id: string) => owner.locator(`[data-testid=failed-event-row][data-event-id="${id}"]`);
    await rowOf(xtsId).waitFor();
    expect(await rowOf(xtsId).getAttribute("data-stage")).toBe("parse");
    expect(await rowOf(xtsId).getByTestId("failed-event-error").textContent()).toContain("unknown currency code");

    await rowOf(rubId).getByTestId("replay-event").click();
    await rowOf(rubId).waitFor({ state: "detached" });
    const order = await eventually(async () => (await db().doc(`orders/${orderKeyOf("paddle", rub.txn)}`).get()).data(), "replayed order", TRIGGER_WAIT);
    expect(order).toMatchObject({ currency: "RUB", grossMinor: 250_000 });

    await rowOf(xtsId).getByTestId("replay-event").click();
    await expect.poll(() => rowOf(xtsId).getByTestId("replay-message").textContent()).toContain("Still failing: transaction.completed data: currency_code: unknown currency code");
    expect(await rowOf(xtsId).count()).toBe(1);
  }, STEP_TIMEOUT);
});
