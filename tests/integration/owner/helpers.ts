import { emulatorAppCheckToken } from "../../../contracts/app-check-emulator";
import { orderKeyOf } from "../../../contracts/ids";
import { randomBytes } from "node:crypto";
import { lemonSqueezyEvent, post } from "../../../scripts/lib/webhooks";
import { auth, db, eventually } from "../../support/emulator";

// Callables are called over HTTP with the callable protocol, as the portal's SDK does.
const FUNCTIONS = process.env.FUNCTIONS_URL ?? "http://127.0.0.1:5001/demo-affiliates/us-central1";
const AUTH = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099"}`;

/** Triggers run after the write that fires them; on a busy shared emulator that can take a while. */
export const TRIGGER_WAIT = 90_000;

/** OWNER_EMAILS in functions/.env.local. */
export const OWNER_EMAIL = "owner@demo.test";

export interface CallResult {
  status: number;
  /** `result` on success. */
  data: unknown;
  /** `error.status` on failure, e.g. "PERMISSION_DENIED". */
  error: string | null;
  message: string | null;
  /** `error.details` on failure, e.g. a rate limit's `{ limit, retryAfterSeconds }`. */
  details: unknown;
}

/** What the portal sends on the emulators: an App Check token they accept unverified (ENFORCE_APP_CHECK). */
export const APP_CHECK_HEADER = { "x-firebase-appcheck": emulatorAppCheckToken("demo-app", "demo-affiliates", Date.now()) };

/**
 * Calls as the portal does, App Check token included. `headers` adds what a proxy would, e.g. the
 * X-Forwarded-For Google's front end appends to, or replaces the App Check header.
 */
export async function call(name: string, data: unknown, idToken?: string, headers: Record<string, string> = {}): Promise<CallResult> {
  const response = await fetch(`${FUNCTIONS}/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...APP_CHECK_HEADER, ...headers, ...(idToken ? { authorization: `Bearer ${idToken}` } : {}) },
    body: JSON.stringify({ data }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { status?: string; message?: string; details?: unknown } };
  return { status: response.status, data: body.result ?? null, error: body.error?.status ?? null, message: body.error?.message ?? null, details: body.error?.details ?? null };
}

/** Signs in through the Auth emulator's REST API with a custom token; the ID token carries the user's email and claims. */
export async function idTokenFor(uid: string): Promise<string> {
  const customToken = await auth().createCustomToken(uid);
  const response = await fetch(`${AUTH}/identitytoolkit.googleapis.com/v1/accounts:signInWithCustomToken?key=demo`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: customToken, returnSecureToken: true }),
  });
  const body = (await response.json()) as { idToken?: string };
  if (!body.idToken) throw new Error(`no ID token for ${uid}: ${JSON.stringify(body)}`);
  return body.idToken;
}

/**
 * The owner's ID token, obtained the way the portal gets it: sign in as OWNER_EMAIL, call `session`
 * (which turns OWNER_EMAILS into the `owner` claim), then sign in again for a token with the claim.
 * The Auth user is the demo owner when the seed ran, else created here (and never deleted).
 */
export async function ownerIdToken(): Promise<{ uid: string; idToken: string }> {
  let uid: string;
  try {
    uid = (await auth().getUserByEmail(OWNER_EMAIL)).uid;
  } catch {
    uid = (await auth().createUser({ email: OWNER_EMAIL, emailVerified: true })).uid;
  }
  const first = await idTokenFor(uid);
  const session = await call("session", null, first);
  if (session.error) throw new Error(`session failed: ${session.message}`);
  return { uid, idToken: await idTokenFor(uid) };
}

/** A Lemon Squeezy order id of our own (digits: the payload builder derives an order number from it). */
export function uniqueOrderId(): string {
  return `9${Date.now().toString().slice(-8)}${parseInt(randomBytes(3).toString("hex"), 16).toString().padStart(8, "0")}`;
}

export const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();

/** Sends a signed order_created webhook through Hosting and waits for the order's commission projection. */
export async function sale(input: { affiliateId: string | null; subtotalMinor: number; createdAt: string }): Promise<string> {
  const orderId = uniqueOrderId();
  const response = await post(lemonSqueezyEvent("order_created", { orderId, affiliateId: input.affiliateId, subtotalMinor: input.subtotalMinor, createdAt: input.createdAt }));
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
  const orderKey = orderKeyOf("lemonsqueezy", orderId);
  await eventually(async () => ((await db().doc(`orders/${orderKey}`).get()).exists ? true : undefined), `order ${orderKey}`, TRIGGER_WAIT);
  if (input.affiliateId) await eventually(async () => ((await db().doc(`commissions/${orderKey}`).get()).exists ? true : undefined), `commission ${orderKey}`, TRIGGER_WAIT);
  return orderKey;
}

export async function auditEntries(collection: string, id: string): Promise<Array<Record<string, unknown>>> {
  const snap = await db().collection("audit").where("target.collection", "==", collection).where("target.id", "==", id).get();
  return snap.docs.map((d) => d.data());
}

export interface CodeTerms {
  discountCode: string | null;
  paddleDiscountId?: string | null;
  codeOnlyApproval?: boolean;
}

/** Saves an affiliate's discount code (and Paddle's id for it) through the owner's callable, other terms left at the program's. */
export function saveCode(idToken: string, affiliateId: string, terms: CodeTerms): Promise<CallResult> {
  return call(
    "updateAffiliate",
    {
      affiliateId,
      rateBps: null,
      cookieDays: null,
      slug: null,
      discountCode: terms.discountCode,
      discountIds: { paddle: terms.paddleDiscountId ?? null },
      codeOnlyApproval: terms.codeOnlyApproval ?? false,
      courseRates: {},
    },
    idToken,
  );
}
