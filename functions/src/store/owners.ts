import { getAuth } from "firebase-admin/auth";
import { str } from "../../../contracts/read-fields.js";
import { db, FieldValue } from "./firestore.js";

// `owners/{uid}`: who holds owner rights right now. The rules require this record beside the `owner`
// claim, so deleting it ends an owner's reads at their next request, whatever their ID token says.
// Only functions write it: the session callable for a signed-in address listed in OWNER_EMAILS, and
// the reconciliation that removes addresses no longer listed.

export interface OwnerRecord {
  uid: string;
  /** The sign-in email the rights were granted to, exactly as in the ID token (the rules compare it). */
  email: string;
}

const owners = () => db().collection("owners");

export async function listOwnerRecords(): Promise<OwnerRecord[]> {
  const snap = await owners().get();
  return snap.docs.map((d) => ({ uid: d.id, email: str(d.get("email")) }));
}

/** Grants owner rights: the record the rules read, and the claim. Repeating it changes nothing. */
export async function grantOwner(owner: OwnerRecord): Promise<void> {
  const ref = owners().doc(owner.uid);
  const current = await ref.get();
  if (!current.exists || current.get("email") !== owner.email) {
    await ref.set({ email: owner.email, grantedAt: FieldValue.serverTimestamp() });
  }
  await setOwnerClaim(owner.uid, true);
}

/**
 * Ends owner rights: the record goes first (reads stop at once), then the claim, then every refresh
 * token, so the next token refresh signs the person out instead of carrying a stale claim.
 */
export async function revokeOwner(uid: string): Promise<void> {
  await owners().doc(uid).delete();
  const auth = getAuth();
  try {
    await setOwnerClaim(uid, false);
    await auth.revokeRefreshTokens(uid);
  } catch (err) {
    // The Auth user was deleted: nothing left to clear.
    if (!(typeof err === "object" && err !== null && "code" in err && err.code === "auth/user-not-found")) throw err;
  }
}

/** Sets or clears the `owner` custom claim, keeping the user's other claims; no write when it already has that value. */
export async function setOwnerClaim(uid: string, owner: boolean): Promise<void> {
  db(); // initialises the Admin SDK's default app
  const auth = getAuth();
  const user = await auth.getUser(uid);
  const claims = user.customClaims ?? {};
  if ((claims.owner === true) === owner) return;
  await auth.setCustomUserClaims(uid, { ...claims, owner });
}
