// Parsing of what reaches the click endpoints: the beacon sent by t.js and the /r/ redirect path.

// Course ids share the affiliate id's shape, which t.js checks too.
import { AFFILIATE_ID as ID_PATTERN } from "../../../contracts/affiliates.js";

/** t.js sends ~150 bytes; anything far larger is not ours. */
export const MAX_BEACON_BYTES = 2048;

export interface ClickBeacon {
  affiliateId: string;
  /** The landing page without query or fragment (they can carry other people's data). */
  pageUrl: string | null;
  courseId: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Reads a beacon: `a=<id>&u=<url>&c=<course>` form-encoded (what t.js sends) or the same as JSON,
 * where the long names `affiliateId`, `url`, `courseId` are accepted too. Only the affiliate id is
 * required; an empty `c` or `u` means absent.
 */
export function parseClickBeacon(body: string | Uint8Array, contentType: string | undefined): Parsed<ClickBeacon> {
  const bytes = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
  if (bytes > MAX_BEACON_BYTES) return { ok: false, reason: "body too large" };
  const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8");
  const fields = readFields(text, contentType);
  if (fields === null) return { ok: false, reason: "body is not a form or a JSON object" };

  const affiliateId = fields("a", "affiliateId");
  if (affiliateId === null || !ID_PATTERN.test(affiliateId)) return { ok: false, reason: "invalid affiliate id" };
  const courseId = fields("c", "courseId");
  if (courseId !== null && !ID_PATTERN.test(courseId)) return { ok: false, reason: "invalid course id" };
  const url = fields("u", "url");
  const pageUrl = url === null ? null : pageWithoutQuery(url);
  if (url !== null && pageUrl === null) return { ok: false, reason: "invalid page url" };
  return { ok: true, value: { affiliateId, pageUrl, courseId } };
}

type FieldReader = (short: string, long: string) => string | null;

function readFields(text: string, contentType: string | undefined): FieldReader | null {
  const looksJson = (contentType ?? "").toLowerCase().includes("json") || text.trimStart().startsWith("{");
  if (!looksJson) {
    const form = new URLSearchParams(text);
    return (short, long) => nonEmpty(form.get(short) ?? form.get(long));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const record = parsed;
  const read = (key: string): string | null => {
    const value = Object.hasOwn(record, key) ? record[key] : undefined;
    return typeof value === "string" ? nonEmpty(value) : null;
  };
  return (short, long) => read(short) ?? read(long);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function pageWithoutQuery(url: string): string | null {
  const parsed = httpUrl(url);
  if (parsed === null) return null;
  parsed.search = "";
  parsed.hash = "";
  return parsed.href;
}

function httpUrl(text: string): URL | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  // No credentials: "https://site.com@evil.com" style URLs are never a configured destination.
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username !== "" || url.password !== "") return null;
  return url;
}

export interface RedirectPath {
  affiliateId: string;
  courseId: string | null;
}

/** `/r/{affiliate}` or `/r/{affiliate}/{course}` (a trailing slash allowed); anything else is null. */
export function parseRedirectPath(path: string): RedirectPath | null {
  const match = /^\/r\/([^/?#]+)(?:\/([^/?#]+))?\/?(?:[?#].*)?$/.exec(path);
  const affiliateId = match?.[1];
  if (affiliateId === undefined || !ID_PATTERN.test(affiliateId)) return null;
  const courseId = match?.[2] ?? null;
  if (courseId !== null && !ID_PATTERN.test(courseId)) return null;
  return { affiliateId, courseId };
}

/** The affiliate a /r/ link lands with: its id, and its discount code for t.js to apply at checkout. */
export interface LandingAffiliate {
  id: string;
  discountCode: string | null;
}

/**
 * Where /r/ sends the visitor: the course's configured `siteUrl`, or `defaultUrl` for an unknown
 * course, never anything taken from the request (no open redirect, C-03). The affiliate id is
 * added as `?affiliateId=` (other query parameters kept) so t.js on the landing page records it,
 * and the affiliate's discount code as `?code=` so t.js can apply it where the seller turned that
 * on (`data-apply-code`). t.js keeps a code only in the id's shape, so one in another shape is not
 * sent. Pass null for an unknown or inactive affiliate and the visitor lands without either (C-02).
 */
export function redirectTarget(course: { siteUrl: string } | undefined, affiliate: LandingAffiliate | null, defaultUrl: string): string {
  const url = (course && httpUrl(course.siteUrl)) ?? httpUrl(defaultUrl);
  // A misconfigured default still must not redirect off-site: the Hosting root is the safe landing.
  if (url === null) return "/";
  if (affiliate !== null && ID_PATTERN.test(affiliate.id)) {
    url.searchParams.set("affiliateId", affiliate.id);
    if (affiliate.discountCode !== null && ID_PATTERN.test(affiliate.discountCode)) url.searchParams.set("code", affiliate.discountCode);
  }
  return url.href;
}
