/**
 * A small in-memory cache for lookups made on every click (affiliates, courses). Entries expire
 * after their own TTL but are kept as a fallback: when Firestore fails, a stale answer beats none.
 * Concurrent loads of one key share one request, so a burst of clicks makes one read.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  private readonly loading = new Map<string, { promise: Promise<V>; startedAt: number }>();
  private readonly maxKeys: number;
  private readonly shareLoadMs: number;
  private readonly now: () => number;

  /** `shareLoadMs`: a load older than this is no longer joined, so one hung request cannot hold a key forever. */
  constructor({ maxKeys = 5_000, shareLoadMs = 5_000, now = Date.now }: { maxKeys?: number; shareLoadMs?: number; now?: () => number } = {}) {
    this.maxKeys = maxKeys;
    this.shareLoadMs = shareLoadMs;
    this.now = now;
  }

  get(key: string): { value: V; fresh: boolean } | undefined {
    const entry = this.entries.get(key);
    return entry && { value: entry.value, fresh: this.now() < entry.expiresAt };
  }

  set(key: string, value: V, ttlMs: number): void {
    // Re-inserting moves the key to the end, so the first key in the map is the oldest written.
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  /** The fresh value, else `load()` (shared by concurrent callers); a failed load falls back to a stale value. */
  async through(key: string, load: () => Promise<V>, ttlFor: (value: V) => number): Promise<V> {
    const cached = this.get(key);
    if (cached?.fresh === true) return cached.value;
    const shared = this.loading.get(key);
    let pending = shared && this.now() - shared.startedAt < this.shareLoadMs ? shared.promise : undefined;
    if (pending === undefined) {
      const promise = load().then((value) => {
        this.set(key, value, ttlFor(value));
        return value;
      });
      const entry = { promise, startedAt: this.now() };
      this.loading.set(key, entry);
      const forget = () => {
        if (this.loading.get(key) === entry) this.loading.delete(key);
      };
      promise.then(forget, forget);
      pending = promise;
    }
    try {
      return await pending;
    } catch (err) {
      const stale = this.get(key);
      if (stale !== undefined) return stale.value;
      throw err;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
