import { createHash } from "node:crypto";
import { isIP } from "node:net";

// Raw IPs are never stored (C-13): clicks keep a truncated IP and a salted daily hash.

/** 32 hex characters (128 bits): enough that two visitors of one affiliate on one day never collide. */
const HASH_HEX_LENGTH = 32;

/**
 * Identifies one visitor for one day without storing who they are. The salt is a server secret, so
 * a leaked hash cannot be brute-forced back to an IP; the day makes the same visitor unlinkable
 * across days. Used to count uniques (C-05).
 */
export function visitorHash(ip: string, userAgent: string, day: string, salt: string): string {
  return createHash("sha256")
    .update([salt, day, ip.toLowerCase(), userAgent].join("\u0000"))
    .digest("hex")
    .slice(0, HASH_HEX_LENGTH);
}

/** IPv4 to its /24 ("203.0.113.0"), IPv6 to its /48 ("2001:db8:abcd::"); null when not an IP. */
export function truncateIp(ip: string): string | null {
  const address = ip.trim().split("%")[0] ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return truncateIp(mapped);
  const version = isIP(address);
  if (version === 4) return address.split(".").slice(0, 3).concat("0").join(".");
  if (version !== 6) return null;
  const groups = expandIpv6(address).slice(0, 3);
  return `${groups.map((group) => group.toString(16)).join(":")}::`;
}

/** The eight 16-bit groups of a valid IPv6 address, with "::" and a dotted IPv4 tail expanded. */
function expandIpv6(address: string): number[] {
  const parse = (part: string): number[] =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!group.includes(".")) return [Number.parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
          return [a * 256 + b, c * 256 + d];
        });
  const [head = "", tail] = address.split("::");
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}
