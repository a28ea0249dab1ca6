import { getAuth } from "firebase-admin/auth";
import { HttpsError, onCall } from "firebase-functions/https";
import { listOf, ownerEmails } from "../config/params.js";
import { db } from "../store/firestore.js";
import { decideSession, type SessionAnswer } from "./session-decision.js";

/**
 * Called by the portal after every sign-in. Owner rights come only from the OWNER_EMAILS parameter,
 * never from anything a user can write, and become the `owner` custom claim here; the portal
 * refreshes its ID token when the claims changed.
 */
export async function handleSession(auth: { uid: string; token: Record<string, unknown> } | undefined): Promise<SessionAnswer> {
  if (!auth) throw new HttpsError("unauthenticated", "Sign in first.");
  const email = typeof auth.token.email === "string" ? auth.token.email : null;
  const verified = auth.token.email_verified === true;
  const affiliate = await db().collection("affiliates").doc(auth.uid).get();
  const decision = decideSession({
    email,
    verified,
    ownerEmails: listOf(ownerEmails.value()),
    affiliateStatus: affiliate.exists ? ((affiliate.get("status") as string | undefined) ?? null) : null,
    currentOwnerClaim: auth.token.owner === true,
  });
  if (decision.answer.claimsChanged) {
    const user = await getAuth().getUser(auth.uid);
    await getAuth().setCustomUserClaims(auth.uid, { ...(user.customClaims ?? {}), owner: decision.answer.role === "owner" });
  }
  return decision.answer;
}

export const session = onCall((request) => handleSession(request.auth));
