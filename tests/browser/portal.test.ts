import { orderKeyOf } from "../../contracts/ids";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clickTotals, fakeVisitors, postBeacon } from "../../scripts/lib/clicks";
import { lemonSqueezyEvent, post } from "../../scripts/lib/webhooks";
import { DESKTOP_UA, launchChromium, requestSignInLink, signIn, signInLinkCount } from "../support/browser";
import { HOSTING, auth, createAffiliate, db, eventually, uniqueId } from "../support/emulator";

// The affiliate portal in a real Chromium against the Hosting emulator: email-link sign-in through the
// Auth emulator, balances and commissions read straight from Firestore under the security rules.

let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage() {
  const context = await browser.newContext({ userAgent: DESKTOP_UA });
  contexts.push(context);
  return context.newPage();
}

async function sale(affiliateId: string, subtotalMinor: number, daysAgo = 0): Promise<string> {
  const orderId = uniqueId("");
  const createdAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const res = await post(lemonSqueezyEvent("order_created", { orderId, affiliateId, subtotalMinor, createdAt }));
  expect(res.status).toBe(200);
  const orderKey = orderKeyOf("lemonsqueezy", orderId);
  await eventually(async () => ((await db().doc(`commissions/${orderKey}`).get()).exists ? true : undefined), `commission ${orderKey}`);
  return orderKey;
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe("affiliate portal", () => {
  // The first test of the file also starts the functions' workers (webhook, triggers, signInLink).
  test("same device: the email link signs the affiliate in and the dashboard shows their money", { timeout: 120_000 }, async () => {
    const ada = await createAffiliate();
    const matured = await sale(ada.id, 9700, 40); // $97.00 → $48.50, payable (40 days ago)
    const fresh = await sale(ada.id, 5000); // $50.00 → $25.00, pending
    for (const visitor of fakeVisitors(3)) expect((await postBeacon(visitor, ada.id)).status).toBe(204);
    await eventually(async () => ((await clickTotals(db(), ada.id)).clicks === 3 ? true : undefined), "3 clicks counted");
    const page = await newPage();
    await signIn(page, ada.email);
    await page.getByTestId("dashboard").waitFor();
    const card = page.getByTestId("balance-USD");
    await expect.poll(() => card.getByTestId("payable").getAttribute("data-minor")).toBe("4850");
    await expect.poll(() => card.getByTestId("pending").getAttribute("data-minor")).toBe("2500");
    const rows = page.getByTestId("commission-row");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator(`[data-order-key="${matured}"]`).getAttribute("data-status")).toBe("payable");
    expect(await page.locator(`[data-order-key="${fresh}"]`).getAttribute("data-status")).toBe("pending");
    await expect.poll(() => page.getByTestId("link-row").count()).toBeGreaterThan(0);
    // Every listener is allowed by the rules: no section reports lost access.
    await expect.poll(() => page.getByTestId("total-clicks").textContent()).toContain("3");
    expect(await page.getByRole("alert").count()).toBe(0);
    // Nothing personal about the customer reaches the page.
    expect(await page.content()).not.toContain("student@example.com");
  });

  test("a sale posted while the dashboard is open appears without a reload", async () => {
    const grace = await createAffiliate();
    await sale(grace.id, 2000);
    const page = await newPage();
    await signIn(page, grace.email);
    await expect.poll(() => page.getByTestId("commission-row").count()).toBe(1);
    let loads = 0;
    page.on("load", () => (loads += 1));
    const orderKey = await sale(grace.id, 9700); // returns once the commission document exists
    const written = Date.now();
    await page.locator(`[data-order-key="${orderKey}"]`).waitFor({ timeout: 30_000 });
    // The listener delivers the write in about a second; 5 s leaves room for a busy machine.
    expect(Date.now() - written).toBeLessThan(5_000);
    expect(loads, "the page was reloaded").toBe(0);
    await expect.poll(() => page.getByTestId("balance-USD").getByTestId("pending").getAttribute("data-minor")).toBe("5850");
  });

  test("other device: the link opened elsewhere asks for the email again", async () => {
    const linus = await createAffiliate();
    await sale(linus.id, 4000);
    const first = await newPage();
    const link = await requestSignInLink(first, linus.email);
    const other = await newPage();
    await other.goto(link);
    const prompt = other.getByTestId("finish-sign-in-email").locator("input");
    await prompt.waitFor();
    await prompt.fill(linus.email);
    await prompt.press("Enter");
    await other.getByTestId("dashboard").waitFor();
    await expect.poll(() => other.getByTestId("commission-row").count()).toBe(1);
  });

  test("affiliate B sees only B's commissions, never A's", async () => {
    const a = await createAffiliate();
    const b = await createAffiliate();
    const aOrder = await sale(a.id, 3000);
    const bOrder = await sale(b.id, 4000);
    const page = await newPage();
    await signIn(page, b.email);
    await page.locator(`[data-order-key="${bOrder}"]`).waitFor();
    expect(await page.locator(`[data-order-key="${aOrder}"]`).count()).toBe(0);
  });

  test("a signed-in person who is not an active affiliate sees the not-approved page", async () => {
    const pending = await createAffiliate({ status: "pending" });
    const page = await newPage();
    await signIn(page, pending.email);
    const notApproved = page.getByTestId("not-approved");
    await notApproved.waitFor();
    expect(await notApproved.getAttribute("data-status")).toBe("pending");

    // An account with no affiliate document (say, one whose application was deleted) sees the same page.
    const accountOnly = `${uniqueId("account")}@test.example`;
    await auth().createUser({ email: accountOnly });
    const page2 = await newPage();
    await signIn(page2, accountOnly);
    await page2.getByTestId("not-approved").waitFor();
    expect(await page2.getByTestId("dashboard").count()).toBe(0);
    expect((await auth().getUserByEmail(accountOnly)).emailVerified).toBe(true);
  });

  test("an address nobody invited gets the same answer on the sign-in page, and no link or account", async () => {
    const stranger = `${uniqueId("nobody")}@test.example`;
    const page = await newPage();
    await page.goto(`${HOSTING}/sign-in`);
    await page.getByTestId("sign-in-email").fill(stranger);
    await page.getByTestId("sign-in-form").locator("button[type=submit]").click();
    const notice = page.getByTestId("sign-in-notice").locator("p");
    await notice.waitFor();
    expect(await notice.getAttribute("data-kind")).toBe("sent");
    expect(await signInLinkCount(stranger)).toBe(0);
    await expect(auth().getUserByEmail(stranger)).rejects.toMatchObject({ code: "auth/user-not-found" });
  });

  test("the portal is served by Hosting on the same origin as the webhooks", async () => {
    const res = await fetch(`${HOSTING}/sign-in`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });
});
