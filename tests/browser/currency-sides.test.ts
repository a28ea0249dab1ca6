// Issue 11, finding 10: one commission in HUF, COP and IDR reads the same in the affiliate's email,
// on their dashboard and in the PayPal payout file, because every side takes the currency's decimals
// from contracts/currency.ts (Intl alone would print these three with none).
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { orderKeyOf } from "../../contracts/ids";
import { paddleClassicPayment, post } from "../../scripts/lib/webhooks";
import { parseCsv } from "../../web/src/lib/csv";
import { OWNER_EMAIL, TRIGGER_WAIT, uniqueOrderId } from "../integration/owner/helpers";
import { resign } from "../integration/webhooks/support";
import { DESKTOP_UA, launchChromium, signIn } from "../support/browser";
import { payableRowShowing } from "./payable-row";
import { createAffiliate, db, eventually, uniqueId } from "../support/emulator";

const NBSP = "\u00a0";
let browser: Browser;
const contexts: BrowserContext[] = [];

async function page(email: string): Promise<Page> {
  // The portal formats in the browser's locale; en-US makes the expected text one string.
  const context = await browser.newContext({ userAgent: DESKTOP_UA, acceptDownloads: true, locale: "en-US" });
  contexts.push(context);
  const p = await context.newPage();
  p.setDefaultTimeout(TRIGGER_WAIT);
  await signIn(p, email);
  return p;
}

/** "YYYY-MM-DD HH:MM:SS" 45 days ago: past the refund window, so the commission is payable. */
const maturedEventTime = (): string => new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 19).replace("T", " ");

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe("one amount, three sides (finding 10)", () => {
  test.each(["HUF", "COP", "IDR"])("%s: a commission of 1,234.56 reads alike in the email, the dashboard and the PayPal file", async (currency) => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const orderId = uniqueOrderId();
    const orderKey = orderKeyOf("paddle-classic", orderId);
    // Paid out to the seller in `currency`: the commission base and commission are in it too.
    const request = paddleClassicPayment({
      alertId: uniqueId("al_cur"),
      orderId,
      affiliateId: affiliate.id,
      saleGross: "2469.12",
      paymentTax: "0.00",
      balanceEarnings: "2469.12",
      balanceFee: "0.00",
      eventTime: maturedEventTime(),
    });
    expect((await post(resign(request, (fields) => (fields.balance_currency = currency)))).status).toBe(200);
    const order = await eventually(async () => (await db().doc(`orders/${orderKey}`).get()).data(), "order", TRIGGER_WAIT);
    expect(order).toMatchObject({ commissionCurrency: currency, commissionMinor: 123_456 });
    const shown = `${currency}${NBSP}1,234.56`;

    // The email the affiliate gets for the sale.
    const mails = await eventually(
      async () => {
        const found = await db().collection("mail").where("subjectKey", "==", orderKey).get();
        const mine = found.docs.map((d) => d.data()).filter((m) => Array.isArray(m.to) && m.to.includes(affiliate.email));
        return mine.length > 0 ? mine : undefined;
      },
      "the affiliate's sale email",
      TRIGGER_WAIT,
    );
    expect(String((mails[0]?.message as { text?: string } | undefined)?.text)).toContain(shown);

    // Their dashboard.
    const dashboard = await page(affiliate.email);
    const amount = dashboard.locator(`[data-testid=commission-row][data-order-key="${orderKey}"] [data-testid=commission-amount]`);
    await expect.poll(() => amount.textContent(), { timeout: TRIGGER_WAIT }).toBe(shown);

    // The owner pays it and downloads PayPal's file: the amount in the same two decimals.
    const owner = await page(OWNER_EMAIL);
    await owner.getByTestId("owner-home").waitFor();
    await owner.getByTestId("owner-nav-payouts").click();
    const payable = await payableRowShowing(owner, affiliate.id, "123456");
    await payable.getByTestId("payout-method").selectOption("PayPal");
    await payable.getByTestId("record-payout").click();
    const payoutRow = owner.locator(`[data-testid=owner-payout-row][data-affiliate-id="${affiliate.id}"]`);
    await payoutRow.waitFor();
    const [download] = await Promise.all([owner.waitForEvent("download"), payoutRow.getByTestId("export-paypal").first().click()]);
    const rows = parseCsv(await readFile(await download.path(), "utf8"));
    expect(rows[0]?.slice(1, 3)).toEqual(["1234.56", currency]);
  }, 300_000);
});
