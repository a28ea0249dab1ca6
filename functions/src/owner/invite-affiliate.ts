import { onCall } from "firebase-functions/https";
import { callables } from "../../../contracts/callables/index.js";
import { inviteAffiliate as invite } from "../store/affiliates.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

/** Adds an active affiliate (and their Auth user); the affiliate trigger sends the welcome email. */
export async function handleInviteAffiliate(auth: CallerAuth | undefined, data: unknown) {
  const owner = requireOwner(auth);
  return invite(parseInput(callables.inviteAffiliate.input, data), owner);
}

export const inviteAffiliate = onCall((request) => handleInviteAffiliate(request.auth, request.data));
