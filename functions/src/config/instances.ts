// Ceilings on the instances each publicly reachable function may run, so a flood costs a bounded
// amount (C-06). A 2nd-gen instance serves up to 80 requests at once (firebase-functions' default
// concurrency with 1 CPU), so these sit far above normal traffic. Past a ceiling the platform answers
// 429: Paddle and Lemon Squeezy retry webhooks and Firestore events are delivered again, so nothing
// is lost; only a visitor caught in a flood may see an error instead of a redirect.
export const MAX_INSTANCES = {
  /** POST /c and GET /r/**, each. Also bounds the per-instance ceilings of clicks/limits.ts. */
  clickEndpoints: 5,
  /** Each webhook endpoint. */
  webhooks: 10,
  /** Each callable: apply, session and the owner's. */
  callables: 10,
  /** onVisitWritten, which folds visits into clickStats. */
  clickFold: 5,
} as const;
