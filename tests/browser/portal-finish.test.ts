// Issue 17 in Chromium: settings in people's units, a payout request from the affiliate's portal to
// the owner's console and outbox (with the email's HTML preview), the portal on a 390 px phone and
// the commissions CSV. Screenshots at 390 and 1280 px land in test-output/screenshots/.
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mailDocId } from "../../functions/src/emails/mail-doc";
import { csvRecords, parseCsv } from "../../web/src/lib/csv";
import { daysAgo, OWNER_EMAIL, ownerIdToken, sale, TRIGGER_WAIT } from "../integration/owner/helpers";
import { DESKTOP_UA, launchChromium, signIn } from "../support/browser";
import { createAffiliate, db, eventually } from "../support/emulator";
import { horizontalOverflow, screenshotAtWidths } from "../support/screenshots";

const STEP_TIMEOUT = 300_000;

let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ userAgent: DESKTOP_UA, acceptDownloads: true, viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(TRIGGER_WAIT);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return page;
}

/** Signs in and waits for the landing page; the first sign-in of a run also starts cold function workers. */
async function signedIn(page: Page, email: string, landing: string): Promise<void> {
  await signIn(page, email);
  await page.getByTestId(landing).waitFor({ timeout: STEP_TIMEOUT / 2 });
}

async function ownerPage(section: string): Promise<Page> {
  const page = await newPage();
  await signedIn(page, OWNER_EMAIL, "owner-home");
  await page.getByTestId(`owner-nav-${section}`).click();
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  // Starts the session callable's worker: a portal whose first sign-in meets a cold worker on this
  // loaded emulator can wait longer than any step here.
  await ownerIdToken();
  // The first page sign-in of a run on this loaded emulator has been seen to stall past every
  // step's wait while later ones pass: one owner sign-in here takes that first turn.
  const warm = await newPage();
  await signIn(warm, OWNER_EMAIL);
  await warm.getByTestId("owner-home").waitFor({ timeout: STEP_TIMEOUT / 2 }).catch(() => undefined);
}, STEP_TIMEOUT);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  expect(pageErrors).toEqual([]);
});

describe("payout request, the portal on a phone and the email preview", () => {
  let affiliate: { id: string; email: string; name: string };

  beforeAll(async () => {
    affiliate = await createAffiliate({ rateBps: 5000 });
    // 49.50 + 50.50 payable (past the 30-day window), 15.00 pending: over the 50.00 threshold.
    await sale({ affiliateId: affiliate.id, subtotalMinor: 9_900, createdAt: daysAgo(45) });
    await sale({ affiliateId: affiliate.id, subtotalMinor: 10_100, createdAt: daysAgo(40) });
    await sale({ affiliateId: affiliate.id, subtotalMinor: 3_000, createdAt: daysAgo(2) });
  }, STEP_TIMEOUT);

  test("the affiliate requests a payout; the request and the owner's mail exist and the owner sees it", { timeout: STEP_TIMEOUT }, async () => {
    const page = await newPage();
    await signedIn(page, affiliate.email, "dashboard");
    const card = page.getByTestId("balance-USD");
    await expect.poll(() => card.getByTestId("payable").getAttribute("data-minor"), { timeout: TRIGGER_WAIT }).toBe("10000");
    await expect.poll(() => card.getByTestId("threshold").getAttribute("data-reached")).toBe("true");
    await card.getByTestId("request-payout").click();
    await card.getByTestId("payout-requested").waitFor();

    const request = await eventually(async () => (await db().doc(`payoutRequests/${affiliate.id}_USD`).get()).data(), "payout request");
    expect(request).toMatchObject({ status: "open", amountMinor: 10_000 });
    const mails = (await db().collection("mail").where("kind", "==", "payout-request").get()).docs.filter((d) => String(d.get("subjectKey")).startsWith(`${affiliate.id}_USD@`));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.get("to")).toContain(OWNER_EMAIL);
    await screenshotAtWidths(page, "portal-requested");

    const owner = await ownerPage("payouts");
    const row = owner.locator(`[data-testid=payout-request-row][data-affiliate-id="${affiliate.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute("data-minor")).toBe("10000");
    await screenshotAtWidths(owner, "owner-payout-requests");
  });

  test("on a 390 px phone nothing runs off screen and the commissions are cards; the CSV holds them all", { timeout: STEP_TIMEOUT }, async () => {
    const page = await newPage(390);
    await signedIn(page, affiliate.email, "dashboard");
    await expect.poll(() => page.getByTestId("commission-row").count()).toBe(3);
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await page.evaluate<number>(`(() => { const t = document.querySelector('[aria-label="Commissions table"]'); return t.scrollWidth - t.clientWidth; })()`)).toBe(0);
    // Each cell names its column: the stacked layout is in force, not a squeezed table.
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector("[data-testid=commission-amount]"), "::before").content`)).toBe('"Commission"');
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("commissions-csv").click()]);
    const path = await download.path();
    const text = await readFile(path, "utf8");
    const records = csvRecords(parseCsv(text));
    expect(records.map((r) => r["commission"]).sort()).toEqual(["15.00", "49.50", "50.50"]);
    expect(text).not.toContain("@");
    await screenshotAtWidths(page, "portal-dashboard");
  });

  test("the owner opens the request email and sees its HTML in a sandboxed frame and its text", { timeout: STEP_TIMEOUT }, async () => {
    const mail = (await db().collection("mail").where("kind", "==", "payout-request").get()).docs.find((d) => String(d.get("subjectKey")).startsWith(`${affiliate.id}_USD@`));
    expect(mail?.id).toBe(mailDocId("payout-request", String(mail?.get("subjectKey")), "owner"));
    const page = await ownerPage("outbox");
    const row = page.locator(`[data-testid=mail-row][data-mail-id="${mail?.id}"]`);
    await row.getByTestId("mail-open").click();
    const frame = page.getByTestId("mail-preview-frame");
    expect(await frame.getAttribute("sandbox")).toBe("");
    // A sandbox without allow-same-origin: the console cannot reach into the mail, nor the mail out.
    expect(await page.evaluate<boolean>(`document.querySelector("[data-testid=mail-preview-frame]").contentDocument === null`)).toBe(true);
    const body = page.frameLocator("[data-testid=mail-preview-frame]").locator("body");
    await expect.poll(() => body.textContent()).toContain(`Pay to${affiliate.email}`);
    await screenshotAtWidths(page, "owner-outbox-preview-html");
    await page.getByTestId("mail-preview-text-tab").click();
    await expect.poll(() => page.getByTestId("mail-preview-text").textContent()).toContain(`Pay to: ${affiliate.email}`);
    await screenshotAtWidths(page, "owner-outbox-preview-text");
  });
});

describe("owner settings in people's units", () => {
  test("percent and money in the program currency are saved as basis points and minor units, and shown back", { timeout: STEP_TIMEOUT }, async () => {
    const programRef = db().doc("settings/program");
    const before = (await programRef.get()).data();
    try {
      const page = await ownerPage("settings");
      const rate = page.getByTestId("settings-rate");
      await rate.waitFor();
      await rate.fill("12.5");
      await page.getByTestId("settings-currency").fill("eur");
      await page.getByTestId("settings-threshold").fill("75.5");
      await page.getByTestId("settings-save").click();
      await expect.poll(() => page.getByTestId("settings-message").textContent()).toContain("Settings saved");
      const stored = (await programRef.get()).data();
      expect(stored).toMatchObject({ defaultRateBps: 1250, currency: "EUR", payoutThresholdMinor: 7550 });

      await page.reload();
      await page.getByTestId("settings-rate").waitFor();
      await expect.poll(() => page.getByTestId("settings-rate").inputValue()).toBe("12.5");
      expect(await page.getByTestId("settings-threshold").inputValue()).toBe("75.50");
      expect(await page.getByTestId("settings-currency").inputValue()).toBe("EUR");

      // A third decimal in a rate is refused before anything is sent.
      await page.getByTestId("settings-rate").fill("12.345");
      await page.getByTestId("settings-save").click();
      await page.getByText("with at most two decimals").waitFor();
      expect((await programRef.get()).get("defaultRateBps")).toBe(1250);
      await screenshotAtWidths(page, "owner-settings");
    } finally {
      // Other suites' sales read the program's rate and threshold.
      if (before) await programRef.set(before);
      else await programRef.delete();
    }
  });
});
