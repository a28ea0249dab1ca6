import { isIP } from "node:net";

// Which address a request came from, for rate limits and unique visitors. Public endpoints assume
// forged headers: a client may send any X-Forwarded-For, Fastly-Client-IP or Forwarded value it
// likes, and the proxies in front of a function only ever append to X-Forwarded-For. So the only
// entries worth anything are the ones those proxies appended, counted from the right.
//
// - Google's front end in front of every Cloud Functions (2nd gen) / Cloud Run service appends
//   the address that connected to it (Cloud Functions "Request headers" reference; a direct call
//   to a Cloud Run URL arrives with that one entry).
// - Firebase Hosting (Fastly) appends the address that connected to it to X-Forwarded-For when
//   it first sees the request over TLS (Fastly's X-Forwarded-For reference), then forwards it to
//   the function through Google's front end, which appends the Hosting node's address. Reported
//   behind Hosting in 2025: "<client>, <Google address>", after whatever the client sent.
// - Fastly-Client-IP is NOT used: Fastly keeps a value the client sends unless the service's own
//   configuration overwrites it (Fastly's Fastly-Client-IP reference), and Firebase documents no
//   such configuration.

export type HeaderBag = Record<string, string | string[] | undefined>;

/** A request that reached a function through a Firebase Hosting rewrite (/c, /r/**): Hosting's CDN and Google's front end. */
export const HOPS_THROUGH_HOSTING = 2;
/** A request sent to the function's own URL (callables): Google's front end only. Without any
 * entry (only the emulators have no front end) the address is null and per-client limits do not apply. */
export const HOPS_DIRECT = 1;

/**
 * The client's address: the X-Forwarded-For entry appended by the first of `trustedHops` proxies
 * in front of the function, i.e. the `trustedHops`-th from the right. Everything left of it is what
 * the client sent and is ignored. With fewer entries than hops the request skipped a proxy (a
 * direct call to a function behind Hosting), and the right-most entry, appended by Google's front
 * end, is the caller. Null when there is no header or the chosen entry is not an IP address.
 *
 * One limit remains: a caller that bypasses Hosting and calls the function's own URL can put one
 * address of its choosing at the trusted position of a Hosting path. That is why counted clicks are
 * also capped per affiliate, whatever the addresses (docs/clicks.md).
 */
export function clientAddress(headers: HeaderBag, trustedHops: number): string | null {
  const raw = headers["x-forwarded-for"];
  const joined = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const entries = joined.split(",").map((entry) => entry.trim());
  if (entries.length === 1 && entries[0] === "") return null;
  const index = Math.max(0, entries.length - Math.max(1, trustedHops));
  return normaliseIp(entries[index]);
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
