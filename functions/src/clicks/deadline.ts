// The click endpoints answer the visitor whatever Firestore does: every lookup or write is raced
// against what is left of a fixed budget, and a late one carries on without anyone waiting for it.

export type Settled<T> = { ok: true; value: T } | { ok: false; reason: "timeout" } | { ok: false; reason: "error"; error: unknown };

/** Settles with the work's outcome, or with a timeout after `ms` (≤ 0: only if already settled). */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: "timeout" }), Math.max(0, ms));
  });
  const outcome = work.then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, reason: "error", error }),
  );
  return Promise.race([outcome, timeout]).finally(() => clearTimeout(timer));
}
