/**
 * Caps how many clicks one key (an IP hash) may have counted per minute (C-06). It lives in the
 * memory of one function instance, so it is best effort: each instance counts on its own and a
 * cold start forgets. It bounds what a single source can add to the stats; it is not a security
 * boundary (redirects are served either way).
 */
export interface RateCapOptions {
  /** Counted clicks per key per window. */
  cap?: number;
  windowMs?: number;
  /** Distinct keys tracked per window; beyond it new keys are not counted until the next window. */
  maxKeys?: number;
  now?: () => number;
}

export class RateCap {
  private readonly cap: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private window = Number.NaN;
  private readonly counts = new Map<string, number>();

  constructor({ cap = 30, windowMs = 60_000, maxKeys = 10_000, now = Date.now }: RateCapOptions = {}) {
    this.cap = cap;
    this.windowMs = windowMs;
    this.maxKeys = maxKeys;
    this.now = now;
  }

  /** Records one click for `key`; true when it may be counted, false once the key is over `cap` (by default the one given at construction). */
  take(key: string, cap = this.cap): boolean {
    const window = Math.floor(this.now() / this.windowMs);
    // Fixed windows: only the current one matters, so everything older is dropped at once.
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const count = this.counts.get(key);
    if (count === undefined) {
      // When full, refusing new keys keeps "counted ≤ cap per key" true; evicting would let a
      // flood of fresh keys reset the counters of the keys it pushed out.
      if (this.counts.size >= this.maxKeys) return false;
      this.counts.set(key, 1);
      return cap >= 1;
    }
    if (count >= cap) return false;
    this.counts.set(key, count + 1);
    return true;
  }

  /** Keys held in memory now: never more than `maxKeys`. */
  get size(): number {
    return this.counts.size;
  }
}
