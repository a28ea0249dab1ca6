// Issue 14 in the owner console, in Chromium against the shared emulators: the owner gives an
// affiliate a discount code (with Paddle's id for it and the code-only hold), a per-course rate and
// their own recurring-payments policy, and a course its own rate; what is stored is what the
// order rules read, and a sale with that code alone is then credited and held as the console said.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { orderKeyOf } from "../../contracts/ids";
import { paddleTransactionCompleted, post } from "../../scripts/lib/webhooks";
import { OWNER_EMAIL, TRIGGER_WAIT } from "../integration/owner/helpers";
import { resign, type Json } from "../integration/webhooks/support";
import { DESKTOP_UA, launchChromium, signIn } from "../support/browser";
import { createAffiliate, db, eventually, uniqueId } from "../support/emulator";

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  expect(pageErrors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

async function ownerConsole(): Promise<Page> {
  context = await browser.newContext({ userAgent: DESKTOP_UA });
  const p = await context.newPage();
  p.setDefaultTimeout(TRIGGER_WAIT);
  p.on("pageerror", (error) => pageErrors.push(error.message));
  await signIn(p, OWNER_EMAIL);
  await p.getByTestId("owner-home").waitFor();
  return p;
}

describe("commission rules in the owner console", () => {
  test("an affiliate's code, Paddle discount id, code-only hold, course rate and policy are stored as the rules read them", async () => {
    const ana = await createAffiliate();
    const code = uniqueId("Ana").replace(/[^A-Za-z0-9_-]/g, "").slice(0, 30);
    const discountId = uniqueId("dsc_").toLowerCase();
    page = await ownerConsole();
    await page.getByTestId("owner-nav-affiliates").click();
    const row = page.locator(`[data-testid=affiliate-row][data-affiliate-id="${ana.id}"]`);
    await row.getByTestId("manage-button").click();
    await row.getByTestId("terms-discount").fill(code);
    await row.getByTestId("terms-paddle-discount").fill(discountId);
    await row.getByTestId("terms-code-approval").check();
    await row.getByTestId("terms-course-rate-typescript").fill("40");
    await row.getByTestId("terms-recurring-kind").selectOption("payments");
    await row.getByTestId("terms-recurring-limit").fill("3");
    await row.getByTestId("terms-save").click();
    await expect.poll(() => row.getByTestId("terms-message").textContent()).toContain("Saved");

    const stored = (await db().doc(`affiliates/${ana.id}`).get()).data();
    expect(stored).toMatchObject({
      discountCode: code,
      discountIds: { paddle: discountId },
      codeOnlyApproval: true,
      courseRates: { typescript: 4000 },
      recurringPolicy: { kind: "payments", limit: 3 },
    });
    expect((await db().doc(`discountCodes/${code.toUpperCase()}`).get()).get("affiliateId")).toBe(ana.id);

    // A Paddle Billing sale naming only that discount id: credited to Ana as code-only, and held.
    const txn = uniqueId("txn_console");
    const request = resign(paddleTransactionCompleted({ transactionId: txn, totalMinor: 10_000, taxMinor: 0, feeMinor: 0, affiliateId: null }), (body) => {
      (body.data as Json).discount_id = discountId;
    });
    expect((await post(request)).status).toBe(200);
    const order = await eventually(async () => (await db().doc(`orders/${orderKeyOf("paddle", txn)}`).get()).data(), "order", TRIGGER_WAIT);
    expect(order).toMatchObject({ affiliateId: ana.id, flag: "code_only", attribution: { rule: "discount_code", discountCode: code, codeAffiliateId: ana.id } });
  }, 300_000);

  test("a course's own rate is entered in percent and stored in basis points", async () => {
    page = await ownerConsole();
    await page.getByTestId("owner-nav-settings").click();
    // The demo course seeded by `npm start` and the test setup.
    const courseId = "typescript";
    const row = page.locator(`[data-testid=course-row][data-course-id="${courseId}"]`);
    await row.getByRole("button", { name: "Edit" }).click();
    const form = row.getByTestId("course-form");
    const before = (await db().doc(`courses/${courseId}`).get()).get("rateBps") as number | null;
    try {
      await form.getByTestId("course-rate").fill("12.5");
      await form.locator("button[type=submit]").click();
      await expect.poll(async () => (await db().doc(`courses/${courseId}`).get()).get("rateBps") as unknown).toBe(1250);
    } finally {
      await db().doc(`courses/${courseId}`).update({ rateBps: before ?? null });
    }
  }, 300_000);

  test("the program's recurring-payments policy is chosen in words and stored as the rules read it", async () => {
    const before: unknown = (await db().doc("settings/program").get()).get("recurringPolicy");
    page = await ownerConsole();
    await page.getByTestId("owner-nav-settings").click();
    try {
      await page.getByTestId("settings-recurring-kind").selectOption("months");
      await page.getByTestId("settings-recurring-limit").fill("12");
      await page.getByTestId("settings-save").click();
      await expect.poll(() => page.getByTestId("settings-message").textContent()).toContain("Settings saved");
      expect((await db().doc("settings/program").get()).get("recurringPolicy")).toEqual({ kind: "months", limit: 12 });
    } finally {
      await db().doc("settings/program").update({ recurringPolicy: before ?? { kind: "every" } });
    }
  }, 300_000);
});
