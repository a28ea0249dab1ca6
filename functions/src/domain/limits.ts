import { createHash } from "node:crypto";

// How often the public callables may be used. Fixed windows with a counter document each
// (`rateLimits/{id}`, see store/rate-limits.ts): a window is one document whatever the traffic, a
// refused request writes nothing, and old windows expire by TTL.

export interface Limit {
  /** Readable prefix of the counter id and what a refusal names: "sign-in-email", … */
  scope: string;
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Sign-in links, counted in this order. Per client: stops one machine from trying many addresses.
 * Per address from one client: one machine asking for someone's links gets 5, and cannot spend the
 * address's hourly quota, which would lock its owner out. Per address: protects a person's inbox
 * (and the 25,000 a day Firebase allows) from many machines together. Counted before we know
 * whether the address has an account, so they reveal nothing.
 */
export const SIGN_IN_LIMITS = {
  perClient: { scope: "sign-in-client", max: 20, windowMs: HOUR },
  perEmailFromClient: { scope: "sign-in-email-client", max: 5, windowMs: HOUR },
  perEmail: { scope: "sign-in-email", max: 30, windowMs: HOUR },
} as const satisfies Record<string, Limit>;

/**
 * Applications. Per client first, and only a request that passes it counts towards the global cap,
 * so a burst from one machine uses at most 5 of the 100 and cannot crowd out anyone else. The
 * global cap bounds what many machines together can add to the owner's review list in an hour.
 */
export const APPLY_LIMITS = {
  perClient: { scope: "apply-client", max: 5, windowMs: HOUR },
  global: { scope: "apply-all", max: 100, windowMs: HOUR },
} as const satisfies Record<string, Limit>;

/** One limit's counter for one key in the window `now` falls in. */
export interface Bucket {
  /** `rateLimits/{id}`: scope, window start and a hash of the key (no address is stored). */
  id: string;
  scope: string;
  max: number;
  /** When the window ends: the earliest a refused caller may try again. */
  resetsAt: Date;
  /** Kept a day past its window, then removed by the TTL policy. */
  expireAt: Date;
}

export function bucketOf(limit: Limit, key: string, now: Date): Bucket {
  const start = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
  const window = new Date(start).toISOString().slice(0, 16).replace(/[-:]/g, "");
  const digest = createHash("sha256").update(`${limit.scope}\u0000${key}`).digest("hex").slice(0, 32);
  const resetsAt = new Date(start + limit.windowMs);
  return { id: `${limit.scope}_${window}_${digest}`, scope: limit.scope, max: limit.max, resetsAt, expireAt: new Date(resetsAt.getTime() + 24 * HOUR) };
}

/** Whole seconds until `bucket` opens again, never 0 (a caller told 0 would retry at once). */
export function retryAfterSeconds(bucket: Bucket, now: Date): number {
  return Math.max(1, Math.ceil((bucket.resetsAt.getTime() - now.getTime()) / 1000));
}

/**
 * The per-client counter, if there is a client to count. Behind Google's front end every request
 * has an address; a request without one shares a single counter ("unknown"). On the emulators
 * nothing stands in front of the functions, so a request without X-Forwarded-For (the portal in a
 * local browser) has no client to count and only the other limits apply. `also` counts the client
 * per something else too (per address it asks for).
 */
export function clientBuckets(limit: Limit, clientKey: string | null, onEmulator: boolean, now: Date, also?: string): Bucket[] {
  if (clientKey === null && onEmulator) return [];
  const client = clientKey ?? "unknown";
  return [bucketOf(limit, also === undefined ? client : `${client}\u0000${also}`, now)];
}
