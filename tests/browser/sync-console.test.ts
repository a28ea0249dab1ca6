// Issue 15 in the owner console, in Chromium against the emulators and the vendor API stand-in:
// "Sync now" finds a Paddle sale whose webhook was dropped, the run's row shows its counts live, the
// platform line says how many webhooks missed and the sale is listed under the run; a backfill from a chosen day runs the same way.
// (The "off" state needs the functions restarted without a key, which the shared emulators cannot
// do mid-suite: functions/src/reconcile/api-keys.test.ts covers how a key reads as off.)
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { orderKeyOf } from "../../contracts/ids";
import { OWNER_EMAIL, TRIGGER_WAIT } from "../integration/owner/helpers";
import { paddleEntity } from "../integration/reconcile/support";
import { DESKTOP_UA, launchChromium, signIn } from "../support/browser";
import { createAffiliate, db, uniqueId } from "../support/emulator";
import { startVendorApi, type VendorApi } from "../support/vendor-api";

let browser: Browser;
let context: BrowserContext;
let api: VendorApi;
const pageErrors: string[] = [];

beforeAll(async () => {
  [browser, api] = await Promise.all([launchChromium(), startVendorApi()]);
});

afterEach(async () => {
  await context?.close();
  expect(pageErrors).toEqual([]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), api?.close()]);
});

async function syncPage(): Promise<Page> {
  context = await browser.newContext({ userAgent: DESKTOP_UA });
  const p = await context.newPage();
  p.setDefaultTimeout(TRIGGER_WAIT * 3);
  p.on("pageerror", (error) => pageErrors.push(error.message));
  await signIn(p, OWNER_EMAIL);
  await p.getByTestId("owner-home").waitFor();
  await p.getByTestId("owner-nav-sync").click();
  await p.getByTestId("sync").waitFor();
  return p;
}

/** The cells of a run's row: started, platform, kind, status, pages, found, known, recorded, unattributed. */
const cells = async (row: Locator) => (await row.locator("th, td").allTextContents()).map((t) => t.trim());

describe("the Sync page", () => {
  test("Sync now records a sale whose webhook was dropped and shows the run's counts; a backfill from a day runs likewise", async () => {
    const affiliate = await createAffiliate();
    const transactionId = uniqueId("txn_console");
    const at = new Date(Date.now() - 3_600_000).toISOString();
    api.transactions.push(paddleEntity({ transactionId, affiliateId: affiliate.id, totalMinor: 12_000, taxMinor: 2_000, feeMinor: 1_000, occurredAt: at }));
    const page = await syncPage();
    await expect.poll(() => page.getByTestId("sync-state-paddle").getAttribute("data-on")).toBe("yes");
    const runIds = async () => Promise.all((await page.getByTestId("sync-run").all()).map((row) => row.getAttribute("data-run-id")));
    const before = new Set(await runIds());

    await page.getByTestId("sync-now").click();
    await expect.poll(() => page.getByTestId("sync-message").textContent()).toContain("Sync started");
    // The new Paddle run appears at once (queued or running) and ends done with its counts.
    const paddleRun = page.getByTestId("sync-run").filter({ hasText: "Paddle" }).first();
    await expect.poll(async () => !before.has(await paddleRun.getAttribute("data-run-id"))).toBe(true);
    await expect.poll(() => paddleRun.getAttribute("data-status"), { timeout: 120_000 }).toBe("done");
    const [, platform, kind, status, , found, known, recorded, unattributed] = await cells(paddleRun);
    expect({ platform, kind, status }).toEqual({ platform: "Paddle", kind: "sync", status: "done" });
    expect(Number(found)).toBeGreaterThanOrEqual(1);
    expect(Number(found)).toBe(Number(known) + Number(recorded));
    expect({ recorded, unattributed }).toEqual({ recorded: "1", unattributed: "0" });
    await expect.poll(() => page.getByTestId("sync-state-paddle").textContent()).toContain("1 missed by webhooks");
    // The sale itself, listed under the run that found it.
    await expect.poll(() => page.getByTestId("sync-missed-item").allTextContents()).toEqual([`${orderKeyOf("paddle", transactionId)} — transaction.completed`]);
    expect((await db().doc(`orders/${orderKeyOf("paddle", transactionId)}`).get()).data()).toMatchObject({ affiliateId: affiliate.id, commissionMinor: 4_500 });

    // A backfill of Paddle from yesterday: everything is known by now.
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId("backfill-platform").selectOption("paddle");
    await page.getByTestId("backfill-from").fill(day);
    await page.getByTestId("backfill-start").click();
    await expect.poll(() => page.getByTestId("backfill-message").textContent()).toContain("Backfill started");
    const backfill = page.getByTestId("sync-run").filter({ hasText: `backfill from ${day}` }).first();
    await expect.poll(() => backfill.getAttribute("data-status"), { timeout: 120_000 }).toBe("done");
    const [, , , , , bFound, bKnown, bRecorded] = await cells(backfill);
    expect(Number(bFound)).toBeGreaterThanOrEqual(1);
    expect({ known: bKnown, recorded: bRecorded }).toEqual({ known: bFound, recorded: "0" });
    api.transactions.length = 0;
  }, 300_000);
});
