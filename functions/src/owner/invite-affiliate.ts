import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { inviteAffiliate as invite } from "../store/affiliates.js";

/** Adds an active affiliate (and their Auth user); the affiliate trigger sends the welcome email. */
export const inviteAffiliate = ownerCallable(callables.inviteAffiliate, (invitation, owner) => invite(invitation, owner));
