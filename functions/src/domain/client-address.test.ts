import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { clientAddress, clientLimitKey, HOPS_DIRECT, HOPS_THROUGH_HOSTING } from "./client-address.js";

// What reaches a function behind Hosting: whatever the client sent, then the address Hosting's CDN
// saw, then the Hosting node Google's front end saw.
const GOOGLE_HOP = "35.191.0.7";

describe("clientAddress", () => {
  test.each([
    ["behind Hosting, nothing sent by the client", `198.51.100.4, ${GOOGLE_HOP}`, HOPS_THROUGH_HOSTING, "198.51.100.4"],
    ["behind Hosting, one forged entry", `203.0.113.9, 198.51.100.4, ${GOOGLE_HOP}`, HOPS_THROUGH_HOSTING, "198.51.100.4"],
    ["behind Hosting, forged list with garbage", `unknown, 1.1.1.1,, 198.51.100.4, ${GOOGLE_HOP}`, HOPS_THROUGH_HOSTING, "198.51.100.4"],
    ["behind Hosting, IPv6 client", `2001:db8:abcd::7, ${GOOGLE_HOP}`, HOPS_THROUGH_HOSTING, "2001:db8:abcd::7"],
    ["a Hosting path called directly: only Google's entry", "198.51.100.4", HOPS_THROUGH_HOSTING, "198.51.100.4"],
    ["direct call", "198.51.100.4", HOPS_DIRECT, "198.51.100.4"],
    ["direct call with a forged entry", "203.0.113.9, 198.51.100.4", HOPS_DIRECT, "198.51.100.4"],
    ["entry with a port", "198.51.100.4:5123", HOPS_DIRECT, "198.51.100.4"],
    ["bracketed IPv6 with a port", "[2001:db8::7]:443", HOPS_DIRECT, "2001:db8::7"],
    ["no spaces", `203.0.113.9,198.51.100.4,${GOOGLE_HOP}`, HOPS_THROUGH_HOSTING, "198.51.100.4"],
    ["upper-case IPv6 is written in lower case", "[2001:DB8::7]:443", HOPS_DIRECT, "2001:db8::7"],
    ["IPv6 with a zone", "fe80::1%eth0", HOPS_DIRECT, "fe80::1"],
  ])("%s", (_name, xff, hops, expected) => {
    expect(clientAddress({ "x-forwarded-for": xff }, hops)).toBe(expected);
  });

  test("repeated X-Forwarded-For headers count as one list, in order", () => {
    expect(clientAddress({ "x-forwarded-for": ["203.0.113.9", `198.51.100.4, ${GOOGLE_HOP}`] }, HOPS_THROUGH_HOSTING)).toBe("198.51.100.4");
  });

  test.each([
    ["no header", {}],
    ["empty header", { "x-forwarded-for": "" }],
    ["not an address at the trusted position", { "x-forwarded-for": `198.51.100.4, unknown, ${GOOGLE_HOP}` }],
  ])("%s gives null", (_name, headers) => {
    expect(clientAddress(headers, HOPS_THROUGH_HOSTING)).toBeNull();
  });

  test("a direct call whose last entry is empty gives null", () => {
    expect(clientAddress({ "x-forwarded-for": "198.51.100.4," }, HOPS_DIRECT)).toBeNull();
  });

  test("the client's own headers never decide: Fastly-Client-IP, Forwarded and X-Real-IP are ignored", () => {
    const headers = {
      "fastly-client-ip": "203.0.113.1",
      forwarded: "for=203.0.113.2",
      "x-real-ip": "203.0.113.3",
      "x-forwarded-for": `198.51.100.4, ${GOOGLE_HOP}`,
    };
    expect(clientAddress(headers, HOPS_THROUGH_HOSTING)).toBe("198.51.100.4");
  });

  test("property: whatever a client prepends, the address the proxies appended wins", () => {
    const address = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom("unknown", "", "[::1]:80", "1.2.3.4:99"));
    fc.assert(
      fc.property(fc.array(address, { maxLength: 8 }), fc.ipV4(), fc.ipV4(), (forged, client, hop) => {
        const xff = [...forged, client, hop].join(", ");
        expect(clientAddress({ "x-forwarded-for": xff }, HOPS_THROUGH_HOSTING)).toBe(client);
        expect(clientAddress({ "x-forwarded-for": [...forged, client].join(", ") }, HOPS_DIRECT)).toBe(client);
      }),
    );
  });
});

describe("clientLimitKey", () => {
  test("IPv4 as it is", () => {
    expect(clientLimitKey("198.51.100.4")).toBe("198.51.100.4");
  });

  test("IPv6 by its /64, however it is written", () => {
    const key = "2001:db8:0:12::/64";
    expect(clientLimitKey("2001:db8:0:12::1")).toBe(key);
    expect(clientLimitKey("2001:0DB8:0000:0012:ffff:1:2:3")).toBe(key);
    expect(clientLimitKey("2001:db8::12:0:0:0:9")).toBe("2001:db8:0:12::/64");
    expect(clientLimitKey("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(clientLimitKey("2001:db8:0:13::1")).not.toBe(key);
  });

  test("an IPv4-mapped IPv6 address is the IPv4 client", () => {
    expect(clientLimitKey("::ffff:198.51.100.4")).toBe("198.51.100.4");
  });
});
