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
  // The sample page as shipped (codes applied), and as a seller who keeps prices untouched or
  // asks for consent first would include the script.
  const tag = 'data-course="typescript" data-apply-code';
  if (!page.includes(tag)) throw new Error(`the sample page no longer includes t.js with ${tag}`);
  const variants: Record<string, string> = {
    "/sample/course.html": page,
    "/sample/no-code.html": page.replace(tag, 'data-course="typescript"'),
    "/sample/consent.html": page.replace(tag, `${tag} data-consent="required"`),
  };
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/t.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    } else if (req.method === "GET" && path !== undefined && path in variants) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(variants[path]);
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

async function visit(query: string, origin = base, file = "course.html"): Promise<void> {
  await page.goto(`${origin}/sample/${file}${query}`);
  await page.waitForFunction("window.AffTrack !== undefined");
}

async function affCookie() {
  return (await context.cookies()).find((cookie) => cookie.name === "aff_id");
}

/** The visitor presses a link (without letting go): t.js prepares checkouts at that moment. */
async function press(selector: string): Promise<URLSearchParams> {
  await page.locator(selector).dispatchEvent("pointerdown");
  return new URL((await page.locator(selector).getAttribute("href")) ?? "").searchParams;
}

async function checkoutIds(): Promise<(string | null)[]> {
  await page.locator("#ls-later").waitFor();
  return [(await press("#ls-main")).get(LS_KEY), (await press("#ls-later")).get(LS_KEY)];
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
    // Tagged at load already, before anyone presses it.
    const main = new URL((await page.locator("#ls-main").getAttribute("href")) ?? "");
    expect(main.searchParams.get("embed")).toBe("1");
    expect(main.searchParams.get(LS_KEY)).toBe("alice01");
    expect(await checkoutIds()).toEqual(["alice01", "alice01"]);
  });

  test("a link a page builder adds or rewrites later is tagged by the time it is pressed or clicked", async () => {
    await visit("?via=alice01");
    await page.evaluate(`(() => {
      const a = document.createElement("a");
      a.id = "late";
      a.href = "https://demo-store.lemonsqueezy.com/checkout/buy/late";
      a.textContent = "late";
      a.addEventListener("click", (e) => { e.preventDefault(); window.__clickedHref = a.href; });
      document.body.append(a);
      document.getElementById("ls-main").href = "https://demo-store.lemonsqueezy.com/checkout/buy/rewritten";
    })()`);
    await page.locator("#late").click();
    expect(new URL(await page.evaluate<string>("window.__clickedHref")).searchParams.get(LS_KEY)).toBe("alice01");
    expect((await press("#ls-main")).get(LS_KEY)).toBe("alice01");
  });

  test("a Stripe Payment Link carries the id as client_reference_id; one the seller set wins", async () => {
    await visit("?via=alice01");
    expect((await press("#stripe-buy")).get("client_reference_id")).toBe("alice01");
    await page.evaluate(`document.getElementById("stripe-buy").href = "https://buy.stripe.com/test_x?client_reference_id=seller-7"`);
    expect((await press("#stripe-buy")).get("client_reference_id")).toBe("seller-7");
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

describe("t.js applying the affiliate's discount code (data-apply-code)", () => {
  test("the code on the link reaches every checkout with the id: Lemon Squeezy, Stripe, Paddle Billing and Classic", async () => {
    await visit("?affiliateId=alice01&code=FRIEND15");
    expect((await affCookie())?.value).toBe("alice01.FRIEND15");
    const ls = await press("#ls-main");
    expect([ls.get(LS_KEY), ls.get("checkout[discount_code]"), ls.get("embed")]).toEqual(["alice01", "FRIEND15", "1"]);
    const stripe = await press("#stripe-buy");
    expect([stripe.get("client_reference_id"), stripe.get("prefilled_promo_code")]).toEqual(["alice01", "FRIEND15"]);
    await page.locator("#paddle-buy").click();
    expect(await page.evaluate<unknown>("window.__lastPaddleCheckout")).toEqual({
      items: [{ priceId: "pri_01sampleprice", quantity: 1 }],
      customData: { affiliateId: "alice01" },
      discountCode: "FRIEND15",
    });
    expect(await page.evaluate<unknown>("AffTrack.paddle({ product: 12345 })")).toEqual({ product: 12345, passthrough: '{"affiliateId":"alice01"}', coupon: "FRIEND15" });
  });

  test("the code stays with the first affiliate: a later link's code neither replaces it nor joins it", async () => {
    await visit("?affiliateId=alice01&code=ALICE15");
    await visit("?affiliateId=bob0002&code=BOB20");
    expect((await affCookie())?.value).toBe("alice01.ALICE15");
    expect((await press("#ls-later")).get("checkout[discount_code]")).toBe("ALICE15");
    // A page without parameters applies it from the cookie.
    await visit("");
    const ls = await press("#ls-main");
    expect([ls.get(LS_KEY), ls.get("checkout[discount_code]")]).toEqual(["alice01", "ALICE15"]);
  });

  test.each(["a%20b", "x", "__x__", "a.b"])("a code it would not keep (%s) is dropped; the id still counts", async (code) => {
    await visit(`?affiliateId=alice01&code=${code}`);
    expect((await affCookie())?.value).toBe("alice01");
    const ls = await press("#ls-main");
    expect([ls.get(LS_KEY), ls.get("checkout[discount_code]")]).toEqual(["alice01", null]);
    await expect.poll(() => beacons.length).toBe(1);
  });

  test("without data-apply-code the price is left alone: the id travels, the code does not", async () => {
    await visit("?affiliateId=alice01&code=FRIEND15", base, "no-code.html");
    const ls = await press("#ls-main");
    expect([ls.get(LS_KEY), ls.get("checkout[discount_code]")]).toEqual(["alice01", null]);
    expect((await press("#stripe-buy")).get("prefilled_promo_code")).toBeNull();
    expect(await page.evaluate<unknown>("AffTrack.paddle({ items: [] })")).toEqual({ items: [], customData: { affiliateId: "alice01" } });
  });
});

describe("t.js with data-consent=\"required\"", () => {
  test("stores nothing and sends nothing until AffTrack.consent(); then one cookie and one beacon, however often it is called", async () => {
    await visit("?affiliateId=alice01&code=FRIEND15", base, "consent.html");
    // A purchase in this visit is still credited: the id from the link goes to checkout, nothing is kept.
    expect((await press("#ls-main")).get(LS_KEY)).toBe("alice01");
    await page.waitForTimeout(300);
    expect(await affCookie()).toBeUndefined();
    expect(beacons).toHaveLength(0);
    await page.locator("#consent-yes").click();
    expect((await affCookie())?.value).toBe("alice01.FRIEND15");
    await expect.poll(() => beacons.length).toBe(1);
    await page.evaluate("AffTrack.consent(); AffTrack.consent()");
    await page.waitForTimeout(300);
    expect(beacons).toHaveLength(1);
  });

  test("a visitor who never agrees leaves no cookie behind, and the next page knows nothing of the link", async () => {
    await visit("?affiliateId=alice01", base, "consent.html");
    await visit("", base, "consent.html");
    expect(await affCookie()).toBeUndefined();
    expect(await checkoutIds()).toEqual([null, null]);
    expect(await page.evaluate<unknown>("AffTrack.id()")).toBeNull();
    expect(beacons).toHaveLength(0);
  });

  test("a cookie set after an earlier consent is used on later pages without asking again", async () => {
    await visit("?affiliateId=alice01", base, "consent.html");
    await page.evaluate("AffTrack.consent()");
    await expect.poll(() => beacons.length).toBe(1);
    await visit("", base, "consent.html");
    expect(await checkoutIds()).toEqual(["alice01", "alice01"]);
    expect(beacons).toHaveLength(1);
  });
});
