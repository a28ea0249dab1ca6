import { beforeUserCreated, beforeUserSignedIn, HttpsError, type AuthBlockingEvent } from "firebase-functions/identity";
import { refusal, signInMethodOf } from "./sign-in-policy.js";

// Auth blocking functions (they need Firebase Authentication with Identity Platform, see README
// "Security"): a client may create an account or sign in by email link only.

function refuseAllButEmailLink(event: AuthBlockingEvent): void {
  const reason = refusal(signInMethodOf(event));
  if (reason !== null) throw new HttpsError("permission-denied", reason);
}

export const beforeCreate = beforeUserCreated((event) => refuseAllButEmailLink(event));
export const beforeSignIn = beforeUserSignedIn((event) => refuseAllButEmailLink(event));
