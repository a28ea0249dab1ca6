import { callables, type CallableData, type CallableOutput } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { payableNow as payable } from "../store/payouts.js";
import { onEmulator } from "../config/runtime.js";
import { clockOf } from "./clock.js";

/** What each affiliate could be paid today, per currency, at or above the payout threshold. */
export function handlePayableNow(input: CallableData<"payableNow">, serverNow = new Date()): Promise<CallableOutput<"payableNow">> {
  return payable(clockOf(input.asOf, onEmulator(), serverNow));
}

export const payableNow = ownerCallable(callables.payableNow, (input) => handlePayableNow(input));
