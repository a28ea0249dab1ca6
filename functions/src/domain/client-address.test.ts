import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { clientLimitKey, trustedClientAddress } from "./client-address.js";

describe("trustedClientAddress", () => {
  test.each([
    ["only Google's entry", "198.51.100.4", "198.51.100.4"],
    ["one forged entry before it", "203.0.113.9, 198.51.100.4", "198.51.100.4"],
    ["a forged list with garbage", "unknown, 1.1.1.1,, 198.51.100.4", "198.51.100.4"],
    ["no spaces", "203.0.113.9,198.51.100.4", "198.51.100.4"],
    ["with a port", "198.51.100.4:5123", "198.51.100.4"],
    ["bracketed IPv6 with a port", "[2001:DB8::7]:443", "2001:db8::7"],
    ["IPv6 with a zone", "fe80::1%eth0", "fe80::1"],
  ])("%s", (_name, xff, expected) => {
    expect(trustedClientAddress({ "x-forwarded-for": xff })).toBe(expected);
  });

  test("two proxies: the entry the first of them appended", () => {
    expect(trustedClientAddress({ "x-forwarded-for": "203.0.113.9, 198.51.100.4, 35.191.0.7" }, 2)).toBe("198.51.100.4");
    expect(trustedClientAddress({ "x-forwarded-for": "198.51.100.4" }, 2)).toBe("198.51.100.4");
  });

  test("repeated headers count as one list, in order", () => {
    expect(trustedClientAddress({ "x-forwarded-for": ["203.0.113.9", "10.0.0.1, 198.51.100.4"] })).toBe("198.51.100.4");
  });

  test.each([
    ["no header", {}],
    ["an empty header", { "x-forwarded-for": "" }],
    ["not an address in the trusted place", { "x-forwarded-for": "198.51.100.4, unknown" }],
    ["a trailing comma", { "x-forwarded-for": "198.51.100.4," }],
  ])("%s gives null", (_name, headers) => {
    expect(trustedClientAddress(headers)).toBeNull();
  });

  test("headers a client sets never decide: Fastly-Client-IP, Forwarded and X-Real-IP are ignored", () => {
    const headers = { "fastly-client-ip": "203.0.113.1", forwarded: "for=203.0.113.2", "x-real-ip": "203.0.113.3", "x-forwarded-for": "198.51.100.4" };
    expect(trustedClientAddress(headers)).toBe("198.51.100.4");
  });

  test("property: whatever a client prepends, the address Google's front end appended wins", () => {
    const forgedEntry = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom("unknown", "", "[::1]:80", "1.2.3.4:99", "a,b"));
    fc.assert(
      fc.property(fc.array(forgedEntry, { maxLength: 8 }), fc.ipV4(), (forged, client) => {
        expect(trustedClientAddress({ "x-forwarded-for": [...forged, client].join(", ") })).toBe(client);
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
