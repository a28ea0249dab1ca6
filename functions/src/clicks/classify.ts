import { clientAddress, HOPS_THROUGH_HOSTING, type HeaderBag } from "../domain/client-address.js";
import { isBotOrPreview, isPrefetchOrHead } from "./bots.js";
import type { RateCap } from "./rate-cap.js";
import { uaClass, type UaClass } from "./ua-class.js";
import { truncateIp, visitorHash } from "./visitor.js";
import { utcDay } from "./visits.js";

export interface ClickRequest {
  method: string;
  headers: HeaderBag;
  now: Date;
  salt: string;
  /**
   * A /r/ link is followed by a navigation. Browsers say what a request is for (Sec-Fetch-Dest), so
   * an <img>, <script> or <iframe> pointed at /r/ by another site (click stuffing) is not a visit.
   */
  navigation: boolean;
}

export type Counting =
  | { count: false; reason: "head-or-prefetch" | "embedded" | "bot" | "rate-limited" }
  | { count: true; day: string; visitor: string; ipPrefix: string | null; ua: UaClass };

/**
 * Whether a request may count as a click, and who it is from, without keeping the IP: a salted
 * daily hash of IP + user agent identifies the visitor, a /24 (/48) prefix is all that is stored.
 * The IP is the one the proxies in front of the endpoints (Hosting, then Google's front end)
 * appended, never one the client wrote. The rate cap is keyed by a hash of the IP alone, so one
 * source cannot add more than the cap by varying its user agent.
 */
export function classifyClick(request: ClickRequest, cap: RateCap): Counting {
  if (isPrefetchOrHead(request.method, request.headers)) return { count: false, reason: "head-or-prefetch" };
  const destination = firstHeader(request.headers["sec-fetch-dest"]);
  // Absent in older browsers, which are still counted.
  if (request.navigation && destination !== undefined && destination !== "document") return { count: false, reason: "embedded" };
  const userAgent = firstHeader(request.headers["user-agent"]);
  if (isBotOrPreview(userAgent)) return { count: false, reason: "bot" };
  const ip = clientAddress(request.headers, HOPS_THROUGH_HOSTING) ?? "unknown";
  const day = utcDay(request.now);
  if (!cap.take(visitorHash(ip, "", day, request.salt))) return { count: false, reason: "rate-limited" };
  const ua = userAgent ?? "";
  return { count: true, day, visitor: visitorHash(ip, ua, day, request.salt), ipPrefix: truncateIp(ip), ua: uaClass(ua) };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
