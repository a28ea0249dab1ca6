import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { recordPayout as record } from "../store/payouts.js";
import { onEmulator } from "../config/runtime.js";
import { clockOf } from "./clock.js";

/** Records a payout the owner made outside the system (PayPal, Wise, bank transfer). */
export const recordPayout = ownerCallable(callables.recordPayout, ({ asOf, ...request }, owner) =>
  record(request, owner, clockOf(asOf, onEmulator(), new Date())),
);
