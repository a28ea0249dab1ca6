// t.js on the sample course page served by Hosting, with the real click endpoints behind it.
import { createServer, type Server } from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { clickTotals, fakeVisitors, forwardedFor, recordedClicks, settledTotals } from "../../scripts/lib/clicks";
import { DESKTOP_UA, launchChromium } from "../support/browser";
import { createAffiliate, db, HOSTING } from "../support/emulator";

const COURSE_PAGE = `${HOSTING}/sample/course.html`;
const DEFAULT_PAGE = process.env.DEFAULT_REDIRECT_URL ?? "http://127.0.0.1:5000/";
const LS_KEY = "checkout[custom][affiliateId]";
const DAY_S = 86_400;

let browser: Browser;
let otherSite: Server;
let otherOrigin: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium(["--disable-features=HttpsUpgrades"]);
  // Another site, on another origin (localhost vs 127.0.0.1), that embeds a /r/ link as an image.
  otherSite = createServer((req, res) => {
    const src = new URL(req.url ?? "/", "http://localhost").searchParams.get("src") ?? "";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><img id="pixel" src="${src.replace(/"/g, "&quot;")}">`);
  });
  await new Promise<void>((resolve) => otherSite.listen(0, "127.0.0.1", resolve));
  const address = otherSite.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  otherOrigin = `http://localhost:${address.port}`;
  // A cold Functions emulator worker opens its Firestore connection on its first request, which can
  // take longer than the endpoints' 800 ms budget on a busy machine: the /r/ visitor would then land
  // on the default page. Warm the redirect function until a lookup answers in time (a HEAD counts nothing).
  for (let attempt = 0; attempt < 10; attempt++) {
    const res = await fetch(`${HOSTING}/r/aff_twarmup00000/typescript`, { method: "HEAD", redirect: "manual" });
    if (res.headers.get("location")?.startsWith(COURSE_PAGE)) break;
  }
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await browser?.close();
  otherSite?.closeAllConnections();
  await new Promise<void>((resolve) => (otherSite ? otherSite.close(() => resolve()) : resolve()));
});

/** A fresh browser profile for one visitor: desktop UA, and its own client IP as production's proxies append it (scripts/lib/clicks.ts). */
async function visitor(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const [fake] = fakeVisitors(1);
  if (!fake) throw new Error("no visitor");
  const context = await browser.newContext({ userAgent: DESKTOP_UA, extraHTTPHeaders: { "x-forwarded-for": forwardedFor(fake) } });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Opens the course page and waits for t.js and its beacon's answer. */
async function open(page: Page, query: string): Promise<number> {
  const beacon = page.waitForResponse((res) => new URL(res.url()).pathname === "/c" && res.request().method() === "POST");
  await page.goto(`${COURSE_PAGE}${query}`);
  await page.waitForFunction("window.AffTrack !== undefined");
  return (await beacon).status();
}

async function affCookie(context: BrowserContext) {
  return (await context.cookies(HOSTING)).find((c) => c.name === "aff_id");
}

/** What each Lemon Squeezy link carries once the visitor presses it (t.js prepares checkouts then). */
async function checkoutParams(page: Page, key: string): Promise<(string | null)[]> {
  await page.locator("#ls-later").waitFor();
  const values: (string | null)[] = [];
  for (const selector of ["#ls-main", "#ls-later"]) {
    await page.locator(selector).dispatchEvent("pointerdown");
    values.push(new URL((await page.locator(selector).getAttribute("href")) ?? "", COURSE_PAGE).searchParams.get(key));
  }
  return values;
}

const checkoutIds = (page: Page) => checkoutParams(page, LS_KEY);

describe("tracking on the course page (Hosting + click endpoints)", () => {
  test("the affiliate link sets a first-party, Lax, 30-day cookie and tags the checkouts", async () => {
    const { id } = await createAffiliate();
    const { context, page, errors } = await visitor();
    expect(await open(page, `?affiliateId=${id}`)).toBe(204);
    const cookie = await affCookie(context);
    expect(cookie).toMatchObject({ value: id, domain: "127.0.0.1", path: "/", sameSite: "Lax", httpOnly: false, secure: false });
    expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000 + 30 * DAY_S - 120);
    expect(cookie?.expires).toBeLessThan(Date.now() / 1000 + 30 * DAY_S + 120);
    // Lemon Squeezy links, including the one the page adds a second later, carry the id.
    expect(await checkoutIds(page)).toEqual([id, id]);
    // The Paddle stub receives customData.
    await page.locator("#paddle-buy").click();
    expect(await page.evaluate<unknown>("window.__lastPaddleCheckout")).toEqual({
      items: [{ priceId: "pri_01sampleprice", quantity: 1 }],
      customData: { affiliateId: id },
    });
    expect(errors).toEqual([]);
  });

  test("first touch wins within the window; after the cookie expires the next affiliate takes over", async () => {
    const first = await createAffiliate();
    const second = await createAffiliate();
    const { context, page } = await visitor();
    await open(page, `?affiliateId=${first.id}`);
    await open(page, `?affiliateId=${second.id}`);
    expect((await affCookie(context))?.value).toBe(first.id);
    expect(await checkoutIds(page)).toEqual([first.id, first.id]);
    // Each affiliate's link still counts as a click for that affiliate.
    expect(await settledTotals(db(), second.id, 1)).toMatchObject({ clicks: 1, uniques: 1 });

    await context.addCookies([{ name: "aff_id", value: first.id, url: HOSTING, expires: Math.floor(Date.now() / 1000) - 60 }]);
    expect(await affCookie(context)).toBeUndefined();
    await open(page, `?affiliateId=${second.id}`);
    expect((await affCookie(context))?.value).toBe(second.id);
    expect(await checkoutIds(page)).toEqual([second.id, second.id]);
  });

  test("the beacon is counted: one visitor twice is 2 clicks and 1 unique, a second visitor adds a unique", async () => {
    const { id } = await createAffiliate();
    const alice = await visitor();
    expect(await open(alice.page, `?affiliateId=${id}`)).toBe(204);
    expect(await open(alice.page, `?affiliateId=${id}`)).toBe(204);
    expect(await settledTotals(db(), id, 2)).toMatchObject({ clicks: 2, uniques: 1 });
    const bob = await visitor();
    expect(await open(bob.page, `?affiliateId=${id}`)).toBe(204);
    expect(await settledTotals(db(), id, 3)).toMatchObject({ clicks: 3, uniques: 2 });
    const visits = (await db().collection("visits").where("affiliateId", "==", id).get()).docs.map((d) => d.data());
    expect(visits.map((v) => v["beacon"] as number).sort()).toEqual([1, 2]);
    for (const visit of visits) expect(visit).toMatchObject({ redirect: 0, courseId: "typescript", page: COURSE_PAGE, ua: "desktop" });
  });

  test("following a /r/ link lands on the course with the id, sets the cookie there, and counts one click", async () => {
    const { id } = await createAffiliate();
    const { context, page } = await visitor();
    const redirect = page.waitForResponse((res) => new URL(res.url()).pathname.startsWith("/r/"));
    const beacon = page.waitForResponse((res) => new URL(res.url()).pathname === "/c");
    await page.goto(`${HOSTING}/r/${id}/typescript`);
    expect((await redirect).headers()["set-cookie"]).toBeUndefined();
    expect((await beacon).status()).toBe(204);
    expect(new URL(page.url()).searchParams.get("affiliateId")).toBe(id);
    expect((await affCookie(context))?.value).toBe(id);
    // The redirect and the landing page's beacon are the same visit.
    expect(await settledTotals(db(), id, 1, { quietMs: 2_000 })).toMatchObject({ clicks: 1, uniques: 1 });
    expect(await recordedClicks(db(), id)).toBe(2);
  });

  test("an affiliate's /r/ link carries their discount code, which the course page applies at checkout", async () => {
    const { id } = await createAffiliate({ discountCode: "WELCOME15" });
    const { context, page } = await visitor();
    const beacon = page.waitForResponse((res) => new URL(res.url()).pathname === "/c");
    await page.goto(`${HOSTING}/r/${id}/typescript`);
    expect((await beacon).status()).toBe(204);
    expect(new URL(page.url()).searchParams.get("code")).toBe("WELCOME15");
    expect((await affCookie(context))?.value).toBe(`${id}.WELCOME15`);
    expect(await checkoutIds(page)).toEqual([id, id]);
    expect(await checkoutParams(page, "checkout[discount_code]")).toEqual(["WELCOME15", "WELCOME15"]);
    await page.locator("#paddle-buy").click();
    expect(await page.evaluate<unknown>("window.__lastPaddleCheckout")).toMatchObject({ customData: { affiliateId: id }, discountCode: "WELCOME15" });
  });

  test("a /r/ link embedded as an image on another site sets no cookie and counts nothing", async () => {
    const { id } = await createAffiliate();
    const { context, page } = await visitor();
    const hit = page.waitForResponse((res) => new URL(res.url()).pathname.startsWith("/r/"));
    await page.goto(`${otherOrigin}/?src=${encodeURIComponent(`${HOSTING}/r/${id}/typescript`)}`);
    const response = await hit;
    expect(response.status()).toBe(302);
    expect(await response.allHeaders()).not.toHaveProperty("set-cookie");
    await page.waitForFunction("document.getElementById('pixel').complete");
    expect(await context.cookies(HOSTING)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await recordedClicks(db(), id)).toBe(0);
    expect(await clickTotals(db(), id)).toEqual({ clicks: 0, uniques: 0 });
  });

  test.each(["/r/x/https:%2F%2Fevil.example", "/r//evil.example", "/r/AFF/%2F%2Fevil.example", "/r/AFF/https%3A%2F%2Fevil.example%2F"])(
    "open-redirect attempt %s lands on the default page",
    async (template) => {
      const { id } = await createAffiliate();
      const { page } = await visitor();
      await page.route((url) => url.hostname.endsWith("evil.example"), (route) => route.abort());
      await page.goto(`${HOSTING}${template.replace("AFF", id)}`);
      const landed = new URL(page.url());
      expect(landed.origin + landed.pathname).toBe(DEFAULT_PAGE);
    },
  );
});
