import { onCall } from "firebase-functions/https";
import { z } from "zod";
import { inviteAffiliate as invite } from "../store/affiliates.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

export const inviteInputSchema = z.strictObject({
  email: z.email().trim().max(254).transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(100),
  note: z.string().trim().max(1000).default(""),
});

/** Adds an active affiliate (and their Auth user); the affiliate trigger sends the welcome email. */
export async function handleInviteAffiliate(auth: CallerAuth | undefined, data: unknown) {
  const owner = requireOwner(auth);
  return invite(parseInput(inviteInputSchema, data), owner);
}

export const inviteAffiliate = onCall((request) => handleInviteAffiliate(request.auth, request.data));
