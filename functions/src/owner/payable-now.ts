import { onCall } from "firebase-functions/https";
import { callables } from "../../../contracts/callables/index.js";
import { payableNow as payable } from "../store/payouts.js";
import { clockOf, onEmulator } from "./clock.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

/** What each affiliate could be paid today, per currency, at or above the payout threshold. */
export async function handlePayableNow(auth: CallerAuth | undefined, data: unknown, serverNow = new Date()) {
  requireOwner(auth);
  const input = parseInput(callables.payableNow.input, data);
  return payable(clockOf(input.asOf, onEmulator(), serverNow));
}

export const payableNow = onCall((request) => handlePayableNow(request.auth, request.data));
