import { callables } from "../../../contracts/callables/index.js";
import { publicCallable } from "../callables/define.js";
import { listOf, ownerEmails } from "../config/params.js";
import { DomainError } from "../domain/errors.js";
import { readAffiliate } from "../store/affiliates.js";
import { hasPassword } from "../store/auth-users.js";
import { grantOwner, revokeOwner } from "../store/owners.js";
import { reconcileOwners } from "./reconcile-owners.js";
import { decideSession } from "./session-decision.js";

/**
 * Called by the portal after every sign-in. Owner rights come only from the OWNER_EMAILS parameter,
 * never from anything a user can write: here they become the `owners/{uid}` record and the `owner`
 * custom claim, which the rules both require; the portal refreshes its ID token when the claims
 * changed. Every call also ends the rights of addresses no longer listed.
 */
export const session = publicCallable(callables.session, async (_input, auth) => {
  if (!auth) throw new DomainError("unauthenticated", "Sign in first.");
  const listed = listOf(ownerEmails.value());
  const email = typeof auth.token.email === "string" ? auth.token.email : null;
  const [affiliate, password] = await Promise.all([readAffiliate(auth.uid), hasPassword(auth.uid)]);
  const { answer } = decideSession({
    email,
    verified: auth.token.email_verified === true,
    hasPassword: password,
    ownerEmails: listed,
    affiliateStatus: affiliate?.status ?? null,
    currentOwnerClaim: auth.token.owner === true,
  });
  if (answer.role === "owner" && email !== null) await grantOwner({ uid: auth.uid, email });
  else if (auth.token.owner === true) await revokeOwner(auth.uid);
  await reconcileOwners(listed, answer.role === "owner" ? auth.uid : null);
  return answer;
});
