// One GET against a vendor API, as both platforms document their limits: a 429 says when to come
// back (`Retry-After`, seconds), a 5xx or a dropped connection is worth a few tries with back-off,
// anything else is an answer. Bounded, so a sync never hangs: after the last try it throws, and the
// run keeps its checkpoint for the next attempt.

export class VendorApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or null when no answer came (timeout, refused connection). */
    readonly status: number | null,
  ) {
    super(message);
    this.name = "VendorApiError";
  }
}

export interface HttpPolicy {
  timeoutMs: number;
  /** Tries in all, the first included. */
  attempts: number;
  /** First back-off after a 5xx or a network error; doubled each time. */
  backoffMs: number;
  /** The longest wait accepted from a `Retry-After` header. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_POLICY: HttpPolicy = {
  timeoutMs: 20_000,
  attempts: 5,
  backoffMs: 1_000,
  maxRetryAfterMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** `Retry-After` as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === "") return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** GETs `url` and returns its JSON body; throws VendorApiError once the tries are used up or on a 4xx. */
export async function getJson(url: string, headers: Record<string, string>, policy: HttpPolicy = DEFAULT_POLICY): Promise<unknown> {
  let lastError = new VendorApiError("no attempt made", null);
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let wait = policy.backoffMs * 2 ** (attempt - 1);
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(policy.timeoutMs) });
      if (response.ok) return await response.json();
      const body = (await response.text()).slice(0, 300);
      lastError = new VendorApiError(`${response.status} from ${new URL(url).pathname}: ${body}`, response.status);
      if (response.status === 429) {
        wait = Math.min(retryAfterMs(response.headers.get("retry-after"), Date.now()) ?? wait, policy.maxRetryAfterMs);
      } else if (response.status < 500) {
        throw lastError;
      }
    } catch (err) {
      if (err instanceof VendorApiError && err.status !== null && err.status < 500 && err.status !== 429) throw err;
      if (!(err instanceof VendorApiError)) lastError = new VendorApiError(`no answer from ${new URL(url).pathname}: ${messageOf(err)}`, null);
    }
    if (attempt < policy.attempts) await policy.sleep(wait);
  }
  throw lastError;
}
