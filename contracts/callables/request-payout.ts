import { z } from "zod";
import { isCurrency } from "../currency.js";

/** An active affiliate asks the owner to pay their payable balance in one currency. */
export const requestPayoutInput = z.strictObject({
  currency: z.string().refine(isCurrency, "an ISO 4217 code from the currency table"),
});

export const requestPayoutOutput = z.object({
  requestId: z.string(),
  /** False when a request for this currency was already open: nothing new was written or mailed. */
  created: z.boolean(),
  /** The payable balance when the (open) request was made. */
  amountMinor: z.int(),
});
