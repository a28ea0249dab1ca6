import { describe, expect, test } from "vitest";
import { MAX_BEACON_BYTES, parseClickBeacon, parseRedirectPath, redirectTarget } from "./click-request.js";

const FORM = "application/x-www-form-urlencoded;charset=UTF-8";

describe("parseClickBeacon", () => {
  test.each([
    [
      "what t.js sends",
      "a=alice01&u=https%3A%2F%2Fcourse.example%2Fsample%2Fcourse.html&c=ts-course",
      FORM,
      { affiliateId: "alice01", pageUrl: "https://course.example/sample/course.html", courseId: "ts-course" },
    ],
    ["empty course means none", "a=alice01&u=https%3A%2F%2Fcourse.example%2F&c=", FORM, { affiliateId: "alice01", pageUrl: "https://course.example/", courseId: null }],
    ["only the affiliate", "a=alice01", FORM, { affiliateId: "alice01", pageUrl: null, courseId: null }],
    ["text/plain form (string beacon)", "a=bob_02&c=course-1", "text/plain;charset=UTF-8", { affiliateId: "bob_02", pageUrl: null, courseId: "course-1" }],
    ["no content type", "a=bob_02", undefined, { affiliateId: "bob_02", pageUrl: null, courseId: null }],
    [
      "query and fragment are dropped from the page",
      "a=alice01&u=" + encodeURIComponent("https://course.example/p?email=x@y.z&affiliateId=alice01#buy"),
      FORM,
      { affiliateId: "alice01", pageUrl: "https://course.example/p", courseId: null },
    ],
    ["JSON short names", '{"a":"alice01","u":"http://localhost:5000/x","c":"c-1"}', "application/json", { affiliateId: "alice01", pageUrl: "http://localhost:5000/x", courseId: "c-1" }],
    ["JSON long names", '{"affiliateId":"alice01","url":"https://s.example/","courseId":"c-1"}', "text/plain", { affiliateId: "alice01", pageUrl: "https://s.example/", courseId: "c-1" }],
    ["id at 64 characters", `a=${"x".repeat(64)}`, FORM, { affiliateId: "x".repeat(64), pageUrl: null, courseId: null }],
  ])("accepts %s", (_name, body, contentType, expected) => {
    expect(parseClickBeacon(body, contentType)).toEqual({ ok: true, value: expected });
  });

  test("accepts bytes as well as text", () => {
    expect(parseClickBeacon(new TextEncoder().encode("a=alice01"), FORM)).toEqual({
      ok: true,
      value: { affiliateId: "alice01", pageUrl: null, courseId: null },
    });
  });

  test.each([
    ["no affiliate", "u=https%3A%2F%2Fa.example%2F", FORM, "invalid affiliate id"],
    ["empty body", "", FORM, "invalid affiliate id"],
    ["short id", "a=ab", FORM, "invalid affiliate id"],
    ["id of 65 characters", `a=${"x".repeat(65)}`, FORM, "invalid affiliate id"],
    ["id with a space", "a=alice+01", FORM, "invalid affiliate id"],
    ["id with markup", "a=%3Cscript%3E", FORM, "invalid affiliate id"],
    ["bad course", "a=alice01&c=..%2F..", FORM, "invalid course id"],
    ["javascript page url", "a=alice01&u=javascript%3Aalert(1)", FORM, "invalid page url"],
    ["relative page url", "a=alice01&u=%2Fcourse", FORM, "invalid page url"],
    ["url with credentials", "a=alice01&u=https%3A%2F%2Fuser%3Apw%40a.example%2F", FORM, "invalid page url"],
    ["JSON array", '["alice01"]', "application/json", "body is not a form or a JSON object"],
    ["broken JSON", '{"a":', "application/json", "body is not a form or a JSON object"],
    ["JSON number id", '{"a":12345}', "application/json", "invalid affiliate id"],
    ["inherited JSON key", '{"__proto__":{"a":"alice01"}}', "application/json", "invalid affiliate id"],
  ])("rejects %s", (_name, body, contentType, reason) => {
    expect(parseClickBeacon(body, contentType)).toEqual({ ok: false, reason });
  });

  test("size limit is inclusive at 2 KB and counts bytes, not characters", () => {
    const padding = (n: number) => `a=alice01&z=${"é".repeat(n)}`; // "é" is 2 bytes in UTF-8
    const fits = padding((MAX_BEACON_BYTES - "a=alice01&z=".length) / 2);
    expect(Buffer.byteLength(fits)).toBe(MAX_BEACON_BYTES);
    expect(parseClickBeacon(fits, FORM).ok).toBe(true);
    expect(parseClickBeacon(`${fits}x`, FORM)).toEqual({ ok: false, reason: "body too large" });
  });
});

describe("parseRedirectPath", () => {
  test.each([
    ["/r/alice01/ts-course", { affiliateId: "alice01", courseId: "ts-course" }],
    ["/r/alice01/ts-course/", { affiliateId: "alice01", courseId: "ts-course" }],
    ["/r/alice01", { affiliateId: "alice01", courseId: null }],
    ["/r/alice01/", { affiliateId: "alice01", courseId: null }],
    ["/r/alice01/ts-course?to=https://evil.com", { affiliateId: "alice01", courseId: "ts-course" }],
    ["/r/ab/ts-course", null],
    ["/r/alice01/c", null],
    ["/r/alice01/ts-course/extra", null],
    ["/r/", null],
    ["/r", null],
    ["/x/alice01/ts-course", null],
    ["r/alice01/ts-course", null],
    ["/r/alice%2001/ts-course", null],
    ["/r/..%2F..%2Fetc/ts-course", null],
    ["//r/alice01", null],
  ])("%s → %o", (path, expected) => {
    expect(parseRedirectPath(path)).toEqual(expected);
  });
});

describe("redirectTarget", () => {
  const home = "https://course.example/";
  test.each([
    ["configured course", { siteUrl: "https://course.example/ts" }, "alice01", "https://course.example/ts?affiliateId=alice01"],
    ["existing query kept", { siteUrl: "https://course.example/ts?utm_source=x&lang=en#top" }, "alice01", "https://course.example/ts?utm_source=x&lang=en&affiliateId=alice01#top"],
    ["existing affiliateId replaced", { siteUrl: "https://course.example/ts?affiliateId=other" }, "alice01", "https://course.example/ts?affiliateId=alice01"],
    ["unknown course → default", undefined, "alice01", "https://course.example/?affiliateId=alice01"],
    ["unknown affiliate → default without id", undefined, null, "https://course.example/"],
    ["known course, unknown affiliate", { siteUrl: "https://course.example/ts" }, null, "https://course.example/ts"],
    ["javascript: siteUrl", { siteUrl: "javascript:alert(1)" }, "alice01", "https://course.example/?affiliateId=alice01"],
    ["protocol-relative siteUrl", { siteUrl: "//evil.com" }, "alice01", "https://course.example/?affiliateId=alice01"],
    ["backslash siteUrl", { siteUrl: "/\\evil.com" }, "alice01", "https://course.example/?affiliateId=alice01"],
    ["credentials siteUrl", { siteUrl: "https://course.example@evil.com/" }, "alice01", "https://course.example/?affiliateId=alice01"],
    ["invalid id is not reflected", { siteUrl: "https://course.example/ts" }, "<x>", "https://course.example/ts"],
  ])("%s", (_name, course, affiliateId, expected) => {
    expect(redirectTarget(course, affiliateId === null ? null : { id: affiliateId, discountCode: null }, home)).toBe(expected);
  });

  test.each([
    ["the affiliate's code rides along for t.js", "FRIEND15", "https://course.example/ts?affiliateId=alice01&code=FRIEND15"],
    ["no code, no parameter", null, "https://course.example/ts?affiliateId=alice01"],
    ["a code t.js would not keep is not sent", "a b&c", "https://course.example/ts?affiliateId=alice01"],
    ["a code Firestore reserves is not sent", "__x__", "https://course.example/ts?affiliateId=alice01"],
  ])("%s", (_name, discountCode, expected) => {
    expect(redirectTarget({ siteUrl: "https://course.example/ts" }, { id: "alice01", discountCode }, home)).toBe(expected);
  });

  test("an unknown or inactive affiliate lands without a code", () => {
    expect(redirectTarget({ siteUrl: "https://course.example/ts" }, null, home)).toBe("https://course.example/ts");
  });

  test("a broken default URL lands on the Hosting root, not off-site", () => {
    expect(redirectTarget(undefined, { id: "alice01", discountCode: null }, "evil.com")).toBe("/");
  });

  test("a lookalike host is only reachable if it is the configured one", () => {
    const target = new URL(redirectTarget({ siteUrl: "https://course.example.evil.com/" }, { id: "alice01", discountCode: null }, home));
    expect(target.hostname).toBe("course.example.evil.com"); // configured by the owner, so allowed
    expect(new URL(redirectTarget(undefined, { id: "alice01", discountCode: null }, home)).hostname).toBe("course.example");
  });
});
