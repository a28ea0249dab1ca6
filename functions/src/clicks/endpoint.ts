import { randomUUID } from "node:crypto";
import { logger } from "firebase-functions";
import { onRequest, type Request } from "firebase-functions/https";
import { MAX_INSTANCES } from "../config/instances.js";
import { clickSalt, clicksPerAffiliatePerMinute, defaultRedirectUrl } from "../config/params.js";
import { secretValue } from "../config/secrets.js";
import { publicUrl } from "../config/public-url.js";
import { recordVisit, type NewClick } from "../store/clicks.js";
import { classifyClick } from "./classify.js";
import { parseClickBeacon, parseRedirectPath, redirectTarget } from "./click-request.js";
import { withDeadline } from "./deadline.js";
import { CLICKS_PER_ADDRESS_PER_MINUTE } from "./limits.js";
import { resolveAffiliate, resolveCourses, type AffiliateLookup } from "./lookups.js";
import { RateCap } from "./rate-cap.js";

/**
 * The longest a visitor ever waits on Firestore. Past it the answer goes out anyway and the write
 * carries on (or fails) on its own: a lost click costs a stat, a slow redirect costs the visit.
 */
export const FIRESTORE_BUDGET_MS = 800;

// Per instance (see clicks/limits.ts): counted clicks per minute per address hash, and per affiliate.
const beaconCap = new RateCap({ cap: CLICKS_PER_ADDRESS_PER_MINUTE });
const redirectCap = new RateCap({ cap: CLICKS_PER_ADDRESS_PER_MINUTE });
const affiliateCeiling = new RateCap();

interface Reply {
  status(code: number): Reply;
  set(field: string, value: string): Reply;
  end(): void;
}

/**
 * Records the click when the request is a countable visit of an active affiliate within its ceiling:
 * one write, and none for anything refused. It is not bound by the budget itself: the handler stops
 * waiting for it, but a slow lookup or write still finishes.
 */
async function recordClick(
  req: Request,
  affiliate: Promise<AffiliateLookup | null>,
  click: Pick<NewClick, "courseId" | "source" | "page">,
  cap: RateCap,
): Promise<"recorded" | "not counted"> {
  const now = new Date();
  const counting = classifyClick(
    { method: req.method, headers: req.headers, now, salt: secretValue(clickSalt), navigation: click.source === "redirect" },
    cap,
  );
  if (!counting.count) return "not counted";
  const found = await affiliate;
  if (found === null || !found.active) return "not counted";
  if (!affiliateCeiling.take(found.id, clicksPerAffiliatePerMinute.value())) return "not counted";
  const { day, visitor, ipPrefix, ua } = counting;
  await recordVisit({ affiliateId: found.id, ...click, day, visitor, ipPrefix, ua }, randomUUID(), now);
  return "recorded";
}

/** Waits for the recording until the deadline; a late or failed one is logged, never surfaced to the visitor. */
async function settleRecording(work: Promise<unknown>, deadline: number, context: Record<string, string>): Promise<void> {
  work.catch((error: unknown) => logger.error("click not recorded", { ...context, error: String(error) }));
  const settled = await withDeadline(work, deadline - Date.now());
  if (!settled.ok && settled.reason === "timeout") logger.warn("answered before the click was stored", context);
}

function noStore(res: Reply): Reply {
  return res.set("Cache-Control", "private, no-store");
}

/**
 * POST /c: the beacon t.js sends when a page opens with an affiliate id. A form POST is a CORS
 * "simple" request, so any course site may send it without a preflight; the answer carries nothing.
 */
export const click = onRequest({ secrets: [clickSalt], timeoutSeconds: 10, maxInstances: MAX_INSTANCES.clickEndpoints }, async (req, res) => {
  noStore(res).set("Access-Control-Allow-Origin", "*");
  if (req.method === "OPTIONS") {
    res.set("Access-Control-Allow-Methods", "POST").set("Access-Control-Allow-Headers", "Content-Type").set("Access-Control-Max-Age", "86400");
    res.status(204).end();
    return;
  }
  if (req.method !== "POST") {
    res.set("Allow", "POST, OPTIONS").status(405).end();
    return;
  }
  const rawBody = req.rawBody as Buffer | undefined;
  const beacon = parseClickBeacon(rawBody ?? "", req.get("content-type") ?? undefined);
  if (!beacon.ok) {
    res.status(400).end();
    return;
  }
  const deadline = Date.now() + FIRESTORE_BUDGET_MS;
  const { affiliateId, courseId, pageUrl } = beacon.value;
  const work = recordClick(req, resolveAffiliate(affiliateId), { courseId, source: "beacon", page: pageUrl }, beaconCap);
  await settleRecording(work, deadline, { affiliateRef: affiliateId, source: "beacon" });
  res.status(204).end();
});

/** DEFAULT_REDIRECT_URL; when it is not a public URL, the error goes to the log and visitors land on the Hosting root. */
function defaultLanding(): string {
  try {
    return publicUrl(defaultRedirectUrl);
  } catch (err) {
    logger.error(err instanceof Error ? err.message : String(err));
    return "/";
  }
}

/**
 * GET /r/{affiliate}/{course}: a shareable link that lands on the course's configured page with
 * ?affiliateId= (only for an active affiliate), or on the default page; never on a URL taken from
 * the request. It sets no cookie: t.js sets a first-party one on the course site.
 */
export const redirect = onRequest({ secrets: [clickSalt], timeoutSeconds: 10, maxInstances: MAX_INSTANCES.clickEndpoints }, async (req, res) => {
  noStore(res).set("X-Robots-Tag", "noindex").set("Referrer-Policy", "strict-origin-when-cross-origin");
  const path = parseRedirectPath(req.path);
  if (path === null) {
    res.set("Location", redirectTarget(undefined, null, defaultLanding())).status(302).end();
    return;
  }
  const deadline = Date.now() + FIRESTORE_BUDGET_MS;
  const affiliate = resolveAffiliate(path.affiliateId);
  const courses = path.courseId === null ? Promise.resolve([]) : resolveCourses();
  const [found, courseList] = await Promise.all([withDeadline(affiliate, FIRESTORE_BUDGET_MS), withDeadline(courses, FIRESTORE_BUDGET_MS)]);
  // Unresolved in time: the visitor still lands, on the course page without the id or on the default page.
  if (!found.ok) logger.warn("affiliate unresolved for a redirect", { affiliateRef: path.affiliateId, reason: found.reason });
  if (!courseList.ok) logger.warn("courses unavailable for a redirect", { reason: courseList.reason });
  const course = courseList.ok ? courseList.value.find((c) => c.id === path.courseId) : undefined;
  const active = found.ok && found.value?.active === true ? found.value : null;
  // A course unknown only because the lookup failed is still recorded as given; the path is validated.
  const courseId = course?.id ?? (courseList.ok ? null : path.courseId);
  const work = recordClick(req, affiliate, { courseId, source: "redirect", page: null }, redirectCap);
  await settleRecording(work, deadline, { affiliateRef: path.affiliateId, source: "redirect" });
  res.set("Location", redirectTarget(course, active, defaultLanding())).status(302).end();
});
