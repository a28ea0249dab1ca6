import { onCall } from "firebase-functions/https";
import { z } from "zod";
import { payableNow as payable } from "../store/payouts.js";
import { clockOf, onEmulator } from "./clock.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

export const payableNowInputSchema = z
  .strictObject({
    /** Test clock, honoured on the emulators only (see clockOf). */
    asOf: z.iso.datetime().optional(),
  })
  .nullish()
  .transform((value) => value ?? {});

/** What each affiliate could be paid today, per currency, at or above the payout threshold. */
export async function handlePayableNow(auth: CallerAuth | undefined, data: unknown, serverNow = new Date()) {
  requireOwner(auth);
  const input = parseInput(payableNowInputSchema, data);
  return payable(clockOf(input.asOf, onEmulator(), serverNow));
}

export const payableNow = onCall((request) => handlePayableNow(request.auth, request.data));
