/** The `code` of a Firebase error ("auth/expired-action-code", "permission-denied", ...), if any. */
export function errorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return null;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What a rate-limited callable said (`resource-exhausted` details): which limit, and the wait in ms. */
export function rateLimitOf(error: unknown): { limit: string; retryAfterMs: number } | null {
  if (errorCode(error) !== "functions/resource-exhausted") return null;
  const details = typeof error === "object" && error !== null && "details" in error ? error.details : null;
  if (typeof details !== "object" || details === null) return { limit: "", retryAfterMs: 60_000 };
  const limit = "limit" in details && typeof details.limit === "string" ? details.limit : "";
  const seconds = "retryAfterSeconds" in details && typeof details.retryAfterSeconds === "number" ? details.retryAfterSeconds : 60;
  return { limit, retryAfterMs: seconds * 1000 };
}
