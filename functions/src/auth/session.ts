import { callables } from "../../../contracts/callables/index.js";
import { publicCallable } from "../callables/define.js";
import { listOf, ownerEmails } from "../config/params.js";
import { DomainError } from "../domain/errors.js";
import { readAffiliate } from "../store/affiliates.js";
import { setOwnerClaim } from "../store/auth-users.js";
import { decideSession } from "./session-decision.js";

/**
 * Called by the portal after every sign-in. Owner rights come only from the OWNER_EMAILS parameter,
 * never from anything a user can write, and become the `owner` custom claim here; the portal
 * refreshes its ID token when the claims changed.
 */
export const session = publicCallable(callables.session, async (_input, auth) => {
  if (!auth) throw new DomainError("unauthenticated", "Sign in first.");
  const affiliate = await readAffiliate(auth.uid);
  const { answer } = decideSession({
    email: typeof auth.token.email === "string" ? auth.token.email : null,
    verified: auth.token.email_verified === true,
    ownerEmails: listOf(ownerEmails.value()),
    affiliateStatus: affiliate?.status ?? null,
    currentOwnerClaim: auth.token.owner === true,
  });
  if (answer.claimsChanged) await setOwnerClaim(auth.uid, answer.role === "owner");
  return answer;
});
