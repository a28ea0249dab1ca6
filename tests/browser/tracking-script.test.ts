// Drives the built t.js in Debian's Chromium against a throwaway local server (no emulators).
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { parseClickBeacon } from "../../functions/src/clicks/click-request.js";
import { buildTrackingScript } from "../../web/tracking/build.js";
import { DESKTOP_UA, launchChromium } from "../support/browser";

// HeadlessChrome is classed as a bot by the click endpoint, so the tests browse as a desktop Chrome.
const LS_KEY = "checkout[custom][affiliateId]";
const DAY_S = 86_400;

interface Beacon {
  body: string;
  contentType: string | undefined;
  host: string | undefined;
}

let server: Server;
let port: number;
let base: string;
let browser: Browser;
const beacons: Beacon[] = [];

beforeAll(async () => {
  const script = (await buildTrackingScript()).code;
  const page = await readFile(new URL("../../web/tracking/sample/course.html", import.meta.url), "utf8");
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/t.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    } else if (req.method === "GET" && path === "/sample/course.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    } else if (req.method === "POST" && path === "/c") {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        beacons.push({ body: Buffer.concat(chunks).toString("utf8"), contentType: req.headers["content-type"], host: req.headers.host });
        res.writeHead(204).end();
      });
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no TCP address");
  port = address.port;
  base = `http://127.0.0.1:${port}`;
  browser = await launchChromium([
    // Named hosts (for the cookie Domain checks) resolve to the local server; no HTTPS upgrade try.
    "--host-resolver-rules=MAP *.course.test 127.0.0.1,MAP *.shop.co.uk 127.0.0.1",
    "--disable-features=HttpsUpgrades",
  ]);
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeEach(async () => {
  beacons.length = 0;
  context = await browser.newContext({ userAgent: DESKTOP_UA });
  page = await context.newPage();
  pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await context.close();
  // The script must never throw into the host page.
  expect(pageErrors).toEqual([]);
});

async function visit(query: string, origin = base): Promise<void> {
  await page.goto(`${origin}/sample/course.html${query}`);
  await page.waitForFunction("window.AffTrack !== undefined");
}

async function affCookie() {
  return (await context.cookies()).find((cookie) => cookie.name === "aff_id");
}

async function checkoutIds(): Promise<(string | null)[]> {
  await page.locator("#ls-later").waitFor();
  const hrefs = [await page.locator("#ls-main").getAttribute("href"), await page.locator("#ls-later").getAttribute("href")];
  return hrefs.map((href) => new URL(href ?? "").searchParams.get(LS_KEY));
}

describe("t.js on a course page", () => {
  test("sets a first-party aff_id cookie: SameSite=Lax, Path=/, about 30 days, host-only on an IP", async () => {
    await visit("?affiliateId=alice01");
    const cookie = await affCookie();
    expect(cookie).toMatchObject({ value: "alice01", sameSite: "Lax", path: "/", domain: "127.0.0.1", httpOnly: false, secure: false });
    expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000 + 30 * DAY_S - 60);
    expect(cookie?.expires).toBeLessThan(Date.now() / 1000 + 30 * DAY_S + 60);
    expect(await page.evaluate<unknown>("window.AffTrack.id()")).toBe("alice01");
  });

  test("sends exactly one beacon per visit, in the format the click endpoint parses", async () => {
    await visit("?affiliateId=alice01&utm_source=newsletter");
    await expect.poll(() => beacons.length).toBe(1);
    const [beacon] = beacons;
    expect(beacon?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(parseClickBeacon(beacon?.body ?? "", beacon?.contentType)).toEqual({
      ok: true,
      value: { affiliateId: "alice01", pageUrl: `${base}/sample/course.html`, courseId: "typescript" },
    });
    // The later link insertion and the Paddle click must not send more.
    await checkoutIds();
    await page.locator("#paddle-buy").click();
    expect(beacons).toHaveLength(1);
  });

  test("first touch wins: a second affiliate's link neither replaces the cookie nor the checkout id", async () => {
    await visit("?affiliateId=alice01");
    await visit("?affiliateId=bob0002");
    expect((await affCookie())?.value).toBe("alice01");
    expect(await page.evaluate<unknown>("window.AffTrack.id()")).toBe("alice01");
    expect(await checkoutIds()).toEqual(["alice01", "alice01"]);
    // The click itself still counts for the affiliate whose link it was.
    await expect.poll(() => beacons.map((b) => new URLSearchParams(b.body).get("a"))).toEqual(["alice01", "bob0002"]);
  });

  test("after the cookie expires, the next affiliate (via an alias param) takes over", async () => {
    await visit("?affiliateId=alice01");
    await context.addCookies([{ name: "aff_id", value: "alice01", url: base, expires: Math.floor(Date.now() / 1000) - 60 }]);
    expect(await affCookie()).toBeUndefined();
    await visit("?aff=bob0002");
    expect((await affCookie())?.value).toBe("bob0002");
    expect(await checkoutIds()).toEqual(["bob0002", "bob0002"]);
  });

  test("Lemon Squeezy links, including one added a second later, carry the id and keep their params", async () => {
    await visit("?via=alice01");
    const main = new URL((await page.locator("#ls-main").getAttribute("href")) ?? "");
    expect(main.searchParams.get("embed")).toBe("1");
    expect(await checkoutIds()).toEqual(["alice01", "alice01"]);
  });

  test("the Paddle stub receives customData, also when Paddle.js replaces its object later", async () => {
    await visit("?ref=alice01");
    await page.locator("#paddle-buy").click();
    expect(await page.evaluate<unknown>("window.__lastPaddleCheckout")).toEqual({
      items: [{ priceId: "pri_01sampleprice", quantity: 1 }],
      customData: { affiliateId: "alice01" },
    });
    // Paddle.js loaded (or re-initialised) after t.js: wrapped just before the click handler runs.
    await page.evaluate("window.Paddle = { Checkout: { open(o) { window.__late = o } } }");
    await page.locator("#paddle-buy").click();
    expect(await page.evaluate<unknown>("window.__late.customData")).toEqual({ affiliateId: "alice01" });
  });

  test("AffTrack.paddle fills customData (Billing) or passthrough (Classic) without overriding the seller's", async () => {
    await visit("?affiliateId=alice01");
    const cases = await page.evaluate<unknown>(`[
      AffTrack.paddle({ items: [{ priceId: "pri_1" }], customData: { plan: "pro" } }),
      AffTrack.paddle({ items: [], customData: { affiliateId: "seller-set" } }),
      AffTrack.paddle({ product: 12345 }),
      AffTrack.paddle({ product: 12345, passthrough: "order-77" }),
    ]`);
    expect(cases).toEqual([
      { items: [{ priceId: "pri_1" }], customData: { plan: "pro", affiliateId: "alice01" } },
      { items: [], customData: { affiliateId: "seller-set" } },
      { product: 12345, passthrough: '{"affiliateId":"alice01"}' },
      { product: 12345, passthrough: "order-77" },
    ]);
  });

  // `__x__` fits the alphabet but can name no Firestore document: the shared rule refuses it too.
  test.each(["x%3Cb%3E", "__x__", "..", "a%2Fb"])("an invalid id (%s) is ignored: no cookie, no beacon, links untouched", async (id) => {
    await visit(`?affiliateId=${id}`);
    expect(await affCookie()).toBeUndefined();
    expect(await checkoutIds()).toEqual([null, null]);
    expect(await page.evaluate<unknown>("window.AffTrack.id()")).toBeNull();
    expect(beacons).toHaveLength(0);
  });

  test("a malformed first-touch cookie left by an older script does not hold off the next affiliate", async () => {
    await context.addCookies([{ name: "aff_id", value: "__x__", url: base }]);
    await visit("?affiliateId=alice01");
    expect(await affCookie()).toMatchObject({ value: "alice01" });
    expect(await checkoutIds()).toEqual(["alice01", "alice01"]);
  });

  test("a page without an id still carries an earlier cookie to checkout, without a beacon", async () => {
    await visit("?affiliateId=alice01");
    await expect.poll(() => beacons.length).toBe(1);
    await visit("");
    expect(await checkoutIds()).toEqual(["alice01", "alice01"]);
    expect(beacons).toHaveLength(1);
  });

  test.each([
    ["www.course.test", ".course.test"],
    // co.uk is a public suffix: the browser refuses it, so the cookie lands on the registrable domain.
    ["www.shop.co.uk", ".shop.co.uk"],
  ])("on %s the cookie is set for the registrable domain %s", async (host, domain) => {
    await visit("?affiliateId=carol03", `http://${host}:${port}`);
    expect(await affCookie()).toMatchObject({ value: "carol03", domain, sameSite: "Lax", path: "/" });
    await expect.poll(() => beacons.map((b) => b.host)).toEqual([`${host}:${port}`]);
  });
});
