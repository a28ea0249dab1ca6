import { getAuth } from "firebase-admin/auth";
import { db } from "./firestore.js";

/** The Auth user of an email, created (unverified, no password) when missing: its uid is the affiliate id. */
export async function ensureAuthUser(email: string, name: string | null): Promise<string> {
  db(); // initialises the Admin SDK's default app
  const auth = getAuth();
  try {
    return (await auth.getUserByEmail(email)).uid;
  } catch (err) {
    if (codeOf(err) !== "auth/user-not-found") throw err;
  }
  try {
    return (await auth.createUser({ email, ...(name ? { displayName: name } : {}) })).uid;
  } catch (err) {
    // Two requests for one email at once: the other one created it.
    if (codeOf(err) === "auth/email-already-exists") return (await auth.getUserByEmail(email)).uid;
    throw err;
  }
}

/**
 * True when the account can sign in with a password (someone set one, through the public sign-up API
 * or on the account). Email link is the only way in, so such an account never becomes an owner. The
 * Admin SDK returns the hash, or a redacted one, whenever a password is set.
 */
export async function hasPassword(uid: string): Promise<boolean> {
  db(); // initialises the Admin SDK's default app
  const user = await getAuth().getUser(uid);
  return typeof user.passwordHash === "string" || user.passwordSalt !== undefined;
}

export function codeOf(err: unknown): string | null {
  return typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" ? err.code : null;
}
