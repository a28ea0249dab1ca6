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

/** Sets or clears the `owner` custom claim, keeping the user's other claims. */
export async function setOwnerClaim(uid: string, owner: boolean): Promise<void> {
  db(); // initialises the Admin SDK's default app
  const auth = getAuth();
  const user = await auth.getUser(uid);
  await auth.setCustomUserClaims(uid, { ...(user.customClaims ?? {}), owner });
}

export function codeOf(err: unknown): string | null {
  return typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" ? err.code : null;
}
