// How the portal's code reaches the browser, in Chromium against the Hosting emulator: each
// audience downloads only its own code, and a page whose code is gone after a redeploy offers a reload.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { OWNER_EMAIL } from "../integration/owner/helpers";
import { DESKTOP_UA, launchChromium, signIn } from "../support/browser";
import { createAffiliate, HOSTING } from "../support/emulator";

// Fields only the owner's Firestore converters (lib/firestore-owner.ts) and owner pages read: the
// customer on an order, the payee and author of a payout. (The callables' schemas, which every
// signed-in person loads, name other owner fields, so those would prove nothing.)
const OWNER_ONLY = ["customerEmail", "payeeName", "affiliateNotes"];

let browser: Browser;
const contexts: BrowserContext[] = [];

interface Script {
  url: string;
  body: string;
}

/**
 * A fresh page that notes every script Hosting sends it. The texts are fetched again afterwards
 * (hashed assets do not change): a body Chromium read before a navigation may no longer be there.
 */
async function recordingPage(): Promise<{ page: Page; scripts: () => Promise<Script[]> }> {
  const context = await browser.newContext({ userAgent: DESKTOP_UA });
  contexts.push(context);
  const page = await context.newPage();
  const urls = new Set<string>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && response.url().startsWith(HOSTING)) urls.add(response.url());
  });
  return { page, scripts: () => Promise.all([...urls].map(async (url) => ({ url, body: await (await fetch(url)).text() }))) };
}

const carrying = (scripts: Script[], marker: string) => scripts.filter((s) => s.body.includes(marker)).map((s) => s.url);

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

describe("portal code delivery", () => {
  test("an affiliate's dashboard downloads none of the owner console's reads; the owner's console does", async () => {
    const ada = await createAffiliate();
    const affiliate = await recordingPage();
    await signIn(affiliate.page, ada.email);
    await affiliate.page.getByTestId("dashboard").waitFor();
    await affiliate.page.getByTestId("balances").waitFor();
    const affiliateScripts = await affiliate.scripts();
    expect(affiliateScripts.some((s) => /\/assets\/dashboard-[^/]+\.js$/.test(s.url))).toBe(true);
    for (const marker of OWNER_ONLY) expect(carrying(affiliateScripts, marker)).toEqual([]);

    // The same words do travel to the owner, so their absence above is no accident of naming.
    const owner = await recordingPage();
    await signIn(owner.page, OWNER_EMAIL);
    // The console opens on the overview; the affiliates page is one click away.
    await owner.page.getByTestId("owner-nav-affiliates").click();
    await owner.page.getByTestId("owner-affiliates").waitFor();
    const ownerScripts = await owner.scripts();
    for (const marker of OWNER_ONLY) expect(carrying(ownerScripts, marker)).not.toEqual([]);
  });

  test("a page whose code is gone after a redeploy shows a reload page, and Reload brings the page back", async () => {
    const grace = await createAffiliate();
    const { page } = await recordingPage();
    // After a redeploy the old chunk no longer exists and Hosting's SPA rewrite answers with index.html.
    const staleChunk = /\/assets\/dashboard-[^/]+\.js$/;
    const indexHtml = await (await fetch(`${HOSTING}/`)).text();
    await page.route(staleChunk, (route) => route.fulfill({ status: 200, contentType: "text/html", body: indexHtml }));
    await signIn(page, grace.email);

    const error = page.getByTestId("route-error");
    await error.waitFor();
    expect(await error.getAttribute("data-kind")).toBe("chunk");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("A new version of the portal is available");
    // The error renders inside the layout: the header and sign-out stay usable.
    expect(await page.getByTestId("signed-in-email").textContent()).toBe(grace.email);
    expect(await page.getByTestId("dashboard").count()).toBe(0);

    await page.unroute(staleChunk);
    await Promise.all([page.waitForEvent("load"), page.getByTestId("reload-button").click()]);
    await page.getByTestId("dashboard").waitFor();
    expect(await page.getByTestId("route-error").count()).toBe(0);
  });
});
