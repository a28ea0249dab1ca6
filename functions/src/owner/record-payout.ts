import { onCall } from "firebase-functions/https";
import { z } from "zod";
import { recordPayout as record } from "../store/payouts.js";
import { clockOf, onEmulator } from "./clock.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";
import { AFFILIATE_ID } from "../orders/attribution.js";

export const recordPayoutInputSchema = z.strictObject({
  affiliateId: z.string().regex(AFFILIATE_ID),
  currency: z.string().regex(/^[A-Z]{3}$/),
  method: z.string().trim().min(1).max(60),
  reference: z.string().trim().max(200).default(""),
  /** Chosen by the client once per intended payout (a UUID); repeating it records nothing new. */
  idempotencyKey: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/),
  /** Test clock, honoured on the emulators only (see clockOf). */
  asOf: z.iso.datetime().optional(),
});

/** Records a payout the owner made outside the system (PayPal, Wise, bank transfer). */
export async function handleRecordPayout(auth: CallerAuth | undefined, data: unknown, serverNow = new Date()) {
  const owner = requireOwner(auth);
  const { asOf, ...request } = parseInput(recordPayoutInputSchema, data);
  return record(request, owner, clockOf(asOf, onEmulator(), serverNow));
}

export const recordPayout = onCall((request) => handleRecordPayout(request.auth, request.data));
