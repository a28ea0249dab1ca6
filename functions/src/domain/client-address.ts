import { isIP } from "node:net";

// Which client a request to a public callable came from, for per-client limits. Callers control
// every header they send, including any X-Forwarded-For, Forwarded or Fastly-Client-IP value. The
// proxies in front of a function only ever append to X-Forwarded-For: Google's front end, which
// every Cloud Functions (2nd gen) / Cloud Run request passes, appends the address that connected to
// it. So only entries counted from the right are worth anything, and for a function called at its
// own URL (callables) that is the last one.

export type HeaderBag = Record<string, string | string[] | undefined>;

/** Proxies that append to X-Forwarded-For in front of a callable: Google's front end alone. */
export const CALLABLE_TRUSTED_HOPS = 1;

/**
 * The address `trustedHops` proxies appended, i.e. the `trustedHops`-th X-Forwarded-For entry from
 * the right; whatever the client put left of it is ignored. Repeated headers count as one list in
 * order. Null when there is no header or that entry is not an IP address (a request that reached
 * the function without passing Google's front end: only the emulators).
 */
export function trustedClientAddress(headers: HeaderBag, trustedHops = CALLABLE_TRUSTED_HOPS): string | null {
  const raw = headers["x-forwarded-for"];
  const entries = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((entry) => entry.trim());
  if (entries.length === 1 && entries[0] === "") return null;
  return normaliseIp(entries[Math.max(0, entries.length - Math.max(1, trustedHops))]);
}

/**
 * What per-client limits count by: an IPv4 address as it is, an IPv6 address by its /64, because
 * one subscriber usually holds a whole /64 and can pick any address in it.
 */
export function clientLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  // The URL parser writes the canonical form: lower case, no leading zeros, a dotted tail in hex.
  const canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]+):([0-9a-f]+)$/.exec(canonical);
  if (mapped?.[1] !== undefined && mapped[2] !== undefined) {
    const [high, low] = [Number.parseInt(mapped[1], 16), Number.parseInt(mapped[2], 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  const [head = "", tail] = canonical.split("::");
  const front = head === "" ? [] : head.split(":");
  const back = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = tail === undefined ? front : [...front, ...new Array<string>(8 - front.length - back.length).fill("0"), ...back];
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/** Accepts "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443" and plain IPv6 (zone ids dropped); anything else is null. */
function normaliseIp(value: string | undefined): string | null {
  if (value === undefined) return null;
  let ip = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed?.[1] !== undefined) ip = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  ip = ip.split("%")[0] ?? "";
  const version = isIP(ip);
  if (version === 0) return null;
  return version === 6 ? ip.toLowerCase() : ip;
}
