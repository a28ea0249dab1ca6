import { roundHalfEvenDiv } from "../../money/rounding.js";
import type { SaleFacts } from "../../domain/types.js";
import { isoMinorFromStripe } from "./amounts.js";
import type { StripeBalanceTransaction } from "./api-schemas.js";

/** What the sale's facts say its base is before (or without) the balance transaction. */
export const SUBTOTAL_BASE = "subtotal after discounts, before tax and shipping (Stripe's fee not deducted)";

/**
 * The seller's net from the charge's balance transaction: `net` (after Stripe's fee) less the tax
 * and shipping the customer paid, which the seller owes or spends and which a balance transaction
 * does not separate. It is in the settlement currency, like Paddle's payout totals: when the
 * customer paid in another currency Stripe converted the whole charge, so the tax's share is
 * converted by the same proportion (`amount` against the charge's gross, which is the
 * `exchange_rate` without its decimals), rounded half-even. Refunds, which Stripe reports in the
 * charge currency, are then taken back in proportion, as for Paddle's adjustments.
 */
export function baseFromBalance(sale: SaleFacts, bt: StripeBalanceTransaction): Pick<SaleFacts, "baseCurrency" | "baseMinor" | "feeMinor" | "baseNote"> {
  const field = `balance_transaction ${bt.id}`;
  const settled = isoMinorFromStripe(`${field}.amount`, bt.amount, bt.currency);
  const net = isoMinorFromStripe(`${field}.net`, bt.net, bt.currency);
  const fee = isoMinorFromStripe(`${field}.fee`, bt.fee, bt.currency);
  const notCommissioned = sale.grossMinor - sale.baseMinor;
  const share = sale.grossMinor === 0 ? 0n : roundHalfEvenDiv(BigInt(settled) * BigInt(notCommissioned), BigInt(sale.grossMinor));
  return {
    baseCurrency: bt.currency,
    baseMinor: Math.max(0, net - Number(share)),
    feeMinor: fee,
    baseNote: `balance transaction ${bt.id} (Stripe): net after Stripe's fee, less tax and shipping, in ${bt.currency}`,
  };
}
