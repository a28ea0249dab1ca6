import { getAuth } from "firebase-admin/auth";
import { codeOf } from "./auth-users.js";
import { db } from "./firestore.js";

/**
 * A one-time email sign-in link for `email`, or null when the address cannot sign in: no Auth user
 * (nobody invited or approved it) unless it is an owner's, or a disabled user. The Admin SDK makes
 * the link without sending anything; the caller mails it.
 */
export async function signInLinkFor(email: string, continueUrl: string, isOwnerEmail: boolean): Promise<string | null> {
  db(); // initialises the Admin SDK's default app
  const auth = getAuth();
  const user = await auth.getUserByEmail(email).catch((err: unknown) => {
    if (codeOf(err) === "auth/user-not-found") return null;
    throw err;
  });
  if (user === null ? !isOwnerEmail : user.disabled) return null;
  return auth.generateSignInWithEmailLink(email, { url: continueUrl, handleCodeInApp: true });
}
