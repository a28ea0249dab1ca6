// What the store and the rules refuse, in the domain's words. The callables turn these into their
// transport's errors in one place (callables/define.ts); nothing below them knows about HTTP.

export type DomainErrorCode =
  /** No such affiliate, order, … */
  | "not-found"
  /** Taken by someone else, e.g. a slug. */
  | "conflict"
  /** Not possible in the current state: an order already paid out, a status that does not allow it. */
  | "failed-precondition"
  /** The request itself is malformed. */
  | "invalid-input"
  | "unauthenticated"
  | "permission-denied"
  /** Over a rate limit; details say which and when to try again. */
  | "rate-limited";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Machine-readable facts for the caller (never secrets or customer data). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
