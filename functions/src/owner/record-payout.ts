import { onCall } from "firebase-functions/https";
import { callables } from "../../../contracts/callables/index.js";
import { recordPayout as record } from "../store/payouts.js";
import { clockOf, onEmulator } from "./clock.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

/** Records a payout the owner made outside the system (PayPal, Wise, bank transfer). */
export async function handleRecordPayout(auth: CallerAuth | undefined, data: unknown, serverNow = new Date()) {
  const owner = requireOwner(auth);
  const { asOf, ...request } = parseInput(callables.recordPayout.input, data);
  return record(request, owner, clockOf(asOf, onEmulator(), serverNow));
}

export const recordPayout = onCall((request) => handleRecordPayout(request.auth, request.data));
