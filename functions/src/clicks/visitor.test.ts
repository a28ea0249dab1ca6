import { describe, expect, test } from "vitest";
import { truncateIp, visitorHash } from "./visitor.js";

describe("truncateIp", () => {
  test.each([
    ["203.0.113.77", "203.0.113.0"],
    [" 10.1.2.3 ", "10.1.2.0"],
    ["0.0.0.0", "0.0.0.0"],
    ["2001:db8:abcd:12:34::1", "2001:db8:abcd::"],
    ["2001:0DB8:ABCD:0012:0000:0000:0000:0001", "2001:db8:abcd::"],
    ["2001:db8::1", "2001:db8:0::"],
    ["::1", "0:0:0::"],
    ["::", "0:0:0::"],
    ["1:2:3:4:5:6:7:8", "1:2:3::"],
    ["::2:3:4:5:6:7:8", "0:2:3::"],
    ["fe80::1%eth0", "fe80:0:0::"],
    ["::ffff:198.51.100.9", "198.51.100.0"],
    ["64:ff9b::192.0.2.33", "64:ff9b:0::"],
    ["not an ip", null],
    ["", null],
    ["300.1.1.1", null],
    ["1.2.3", null],
  ])("%s → %s", (ip, expected) => {
    expect(truncateIp(ip)).toBe(expected);
  });
});

describe("visitorHash", () => {
  const ua = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0";

  test("is a stable 32-hex-character sha256 prefix (golden value)", () => {
    // Computed independently: printf "salt\0002026-03-01\000203.0.113.7\000<ua>" | sha256sum, first 32 hex.
    expect(visitorHash("203.0.113.7", ua, "2026-03-01", "salt")).toBe("7acf612961917b1e8679e0ef1c173a87");
  });

  test.each([
    ["ip", visitorHash("203.0.113.8", ua, "2026-03-01", "salt")],
    ["user agent", visitorHash("203.0.113.7", `${ua} x`, "2026-03-01", "salt")],
    ["day", visitorHash("203.0.113.7", ua, "2026-03-02", "salt")],
    ["salt", visitorHash("203.0.113.7", ua, "2026-03-01", "pepper")],
  ])("changes with the %s", (_what, other) => {
    expect(other).not.toBe(visitorHash("203.0.113.7", ua, "2026-03-01", "salt"));
    expect(other).toMatch(/^[0-9a-f]{32}$/);
  });

  test("field boundaries cannot be shifted to forge a collision", () => {
    expect(visitorHash("1.2.3.4", "ab", "d", "s")).not.toBe(visitorHash("1.2.3.4a", "b", "d", "s"));
  });

  test("does not contain the IP", () => {
    expect(visitorHash("203.0.113.7", ua, "2026-03-01", "salt")).not.toContain("203");
  });
});
