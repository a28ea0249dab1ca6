// Email link is the only way in (README, "Security"). The Auth blocking functions ask this module;
// it is pure so the policy is unit-tested apart from Firebase.

/**
 * The sign-in method of a blocking event. firebase-functions puts it after the colon of the event
 * type ("providers/cloud.auth/eventTypes/user.beforeSignIn:emailLink"); a credential, present for
 * OAuth providers, names it too.
 */
export function signInMethodOf(event: { eventType: string; credential?: { signInMethod: string } | null }): string | null {
  const colon = event.eventType.lastIndexOf(":");
  const fromType = colon >= 0 ? event.eventType.slice(colon + 1) : "";
  return fromType || event.credential?.signInMethod || null;
}

/**
 * Creating an account or signing in from a client is allowed by email link only: not by password
 * (anyone with the public API key could register a password for someone else's address), not
 * anonymously, by phone or by any identity provider. Accounts made by server code (the Admin SDK)
 * do not pass through the blocking functions.
 */
export function refusal(method: string | null): string | null {
  return method === "emailLink" ? null : "Sign in with the link we email you; no other sign-in method is accepted.";
}
