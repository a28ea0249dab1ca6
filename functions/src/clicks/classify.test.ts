import { describe, expect, test } from "vitest";
import { classifyClick, type ClickRequest } from "./classify.js";
import { RateCap } from "./rate-cap.js";
import { visitorHash } from "./visitor.js";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const NOW = new Date("2026-03-01T12:00:00Z");
/** The address Google's front end appends after the one Hosting's CDN appended (the client). */
const GOOGLE_HOP = "35.191.0.7";
const viaHosting = (ip: string, forged = "") => `${forged ? `${forged}, ` : ""}${ip}, ${GOOGLE_HOP}`;

function request(overrides: Partial<ClickRequest> & { ua?: string; ip?: string; forged?: string } = {}): ClickRequest {
  const { ua = CHROME, ip = "203.0.113.7", forged = "", ...rest } = overrides;
  return { method: "GET", headers: { "user-agent": ua, "x-forwarded-for": viaHosting(ip, forged) }, now: NOW, salt: "salt", navigation: true, ...rest };
}

describe("classifyClick", () => {
  test("a human visit is counted with a hashed visitor and a truncated IP only", () => {
    const result = classifyClick(request(), new RateCap());
    expect(result).toEqual({
      count: true,
      day: "2026-03-01",
      visitor: visitorHash("203.0.113.7", CHROME, "2026-03-01", "salt"),
      ipPrefix: "203.0.113.0",
      ua: "desktop",
    });
    expect(JSON.stringify(result)).not.toContain("203.0.113.7");
  });

  test.each([
    ["HEAD", request({ method: "HEAD" }), "head-or-prefetch"],
    ["prefetch", request({ headers: { "user-agent": CHROME, "sec-purpose": "prefetch" } }), "head-or-prefetch"],
    ["link previewer", request({ ua: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" }), "bot"],
    ["HeadlessChrome", request({ ua: "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0.0.0 Safari/537.36" }), "bot"],
    ["no user agent", { ...request(), headers: { "x-forwarded-for": viaHosting("203.0.113.7") } }, "bot"],
  ])("%s is not counted", (_name, req, reason) => {
    expect(classifyClick(req, new RateCap())).toEqual({ count: false, reason });
  });

  test.each([
    ["document", true, true],
    ["absent (older browsers)", undefined, true],
    ["image", "image", false],
    ["iframe", "iframe", false],
    ["script", "script", false],
  ])("a /r/ request with Sec-Fetch-Dest %s counts: %s", (_name, dest, counted) => {
    const destination = dest === true ? "document" : dest;
    const headers = { "user-agent": CHROME, "x-forwarded-for": viaHosting("203.0.113.7"), ...(destination ? { "sec-fetch-dest": destination } : {}) };
    const result = classifyClick(request({ headers }), new RateCap());
    expect(result.count).toBe(counted);
    if (!result.count) expect(result.reason).toBe("embedded");
  });

  test("a beacon (Sec-Fetch-Dest: empty) is not a navigation and counts", () => {
    const headers = { "user-agent": CHROME, "x-forwarded-for": viaHosting("203.0.113.7"), "sec-fetch-dest": "empty" };
    expect(classifyClick(request({ method: "POST", headers, navigation: false }), new RateCap()).count).toBe(true);
  });

  test("the cap is per IP, whatever the user agent", () => {
    const cap = new RateCap({ cap: 2 });
    const results = ["A", "B", "C"].map((v) => classifyClick(request({ ua: `${CHROME} v${v}` }), cap).count);
    expect(results).toEqual([true, true, false]);
    expect(classifyClick(request({ ip: "203.0.113.8" }), cap).count).toBe(true);
    expect(classifyClick(request({ ip: "203.0.113.7" }), cap)).toEqual({ count: false, reason: "rate-limited" });
  });

  test("forged X-Forwarded-For entries and Fastly-Client-IP neither make new visitors nor escape the cap", () => {
    const cap = new RateCap({ cap: 2 });
    const results = ["198.51.100.1", "198.51.100.2", "198.51.100.3"].map((forged) =>
      classifyClick(request({ forged, headers: { "user-agent": CHROME, "fastly-client-ip": forged, "x-forwarded-for": viaHosting("203.0.113.7", forged) } }), cap),
    );
    expect(results.map((r) => r.count)).toEqual([true, true, false]);
    const visitors = new Set(results.flatMap((r) => (r.count ? [r.visitor] : [])));
    expect(visitors).toEqual(new Set([visitorHash("203.0.113.7", CHROME, "2026-03-01", "salt")]));
  });

  test("bots do not use up the cap", () => {
    const cap = new RateCap({ cap: 1 });
    classifyClick(request({ ua: "curl/8.5.0" }), cap);
    expect(classifyClick(request(), cap).count).toBe(true);
  });

  test("without any IP the visitor is still counted, with no prefix", () => {
    const result = classifyClick({ ...request(), headers: { "user-agent": CHROME } }, new RateCap());
    expect(result).toMatchObject({ count: true, ipPrefix: null });
  });
});
