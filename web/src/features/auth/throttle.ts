// Client-side brake on sign-in link requests. It protects people's inboxes from an impatient
// double-click and keeps a browser from hammering the Auth quota; the server enforces its own.

export const PER_EMAIL_INTERVAL_MS = 60_000;
export const WINDOW_MS = 15 * 60_000;
export const MAX_PER_WINDOW = 5;
export const THROTTLE_STORAGE_KEY = "signInRequests";

export interface SendRecord {
  email: string;
  at: number;
}

export type ThrottleDecision =
  | { ok: true; records: SendRecord[] }
  | { ok: false; reason: "email" | "browser"; retryAfterMs: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Decides whether a link may be requested for `email` at `nowMs`, given earlier requests from
 * this browser. When allowed, `records` is what to store: the recent requests plus this one.
 */
export function checkThrottle(previous: readonly SendRecord[], email: string, nowMs: number): ThrottleDecision {
  const key = normaliseEmail(email);
  // Records from the future (clock moved back) stay counted: erring towards waiting is safe.
  const recent = previous.filter((r) => nowMs - r.at < WINDOW_MS);

  const lastForEmail = recent.filter((r) => r.email === key).reduce<number | null>((max, r) => (max === null || r.at > max ? r.at : max), null);
  if (lastForEmail !== null && nowMs - lastForEmail < PER_EMAIL_INTERVAL_MS) {
    return { ok: false, reason: "email", retryAfterMs: Math.min(PER_EMAIL_INTERVAL_MS, lastForEmail + PER_EMAIL_INTERVAL_MS - nowMs) };
  }
  if (recent.length >= MAX_PER_WINDOW) {
    const oldest = Math.min(...recent.map((r) => r.at));
    return { ok: false, reason: "browser", retryAfterMs: Math.min(WINDOW_MS, oldest + WINDOW_MS - nowMs) };
  }
  return { ok: true, records: [...recent, { email: key, at: nowMs }] };
}

/** Reads what localStorage held, ignoring anything malformed. */
export function parseRecords(json: string | null): SendRecord[] {
  if (json === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { email, at } = item as { email?: unknown; at?: unknown };
    return typeof email === "string" && typeof at === "number" && Number.isFinite(at) ? [{ email, at }] : [];
  });
}

/** "45 seconds", "1 minute", "12 minutes": rounded up so the wait is never under-stated. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function throttleMessage(decision: Extract<ThrottleDecision, { ok: false }>): string {
  const wait = formatWait(decision.retryAfterMs);
  return decision.reason === "email"
    ? `A link was requested for this address a moment ago. Check your inbox (and spam folder), or try again in ${wait}.`
    : `Too many sign-in requests from this browser. Please try again in ${wait}.`;
}
