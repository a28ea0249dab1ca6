import { currencyExponent } from "../../../../contracts/currency.js";
import { PayloadError } from "../payload-error.js";

/**
 * Stripe counts amounts in "the currency's smallest unit", which is ISO 4217's minor unit except
 * for the special cases of Stripe's currency guide:
 * - ISK is zero-decimal in ISO, but Stripe's API keeps two decimals ("an ISK amount of 100
 *   represents 1 króna") and has only accepted multiples of 100 since 2023;
 * - MGA has two decimals in ISO, but Stripe lists it as zero-decimal (500 is 500 ariary).
 * HUF and TWD are zero-decimal for Stripe *payouts* only: charges, refunds and disputes keep two
 * decimals, as in ISO, so they need nothing here. UGX, JPY, KRW… are zero-decimal on both sides.
 */
export const STRIPE_EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = { ISK: 2, MGA: 0 };

export function stripeExponent(currency: string): number {
  return STRIPE_EXPONENT_EXCEPTIONS[currency] ?? currencyExponent(currency);
}

/** A Stripe amount in `currency` (upper case, known to the ISO table) as ISO minor units; exact or a PayloadError. */
export function isoMinorFromStripe(field: string, amount: number, currency: string): number {
  const shift = currencyExponent(currency) - stripeExponent(currency);
  if (shift === 0) return amount;
  if (shift > 0) {
    const minor = amount * 10 ** shift;
    if (!Number.isSafeInteger(minor)) throw new PayloadError(`${field}: ${amount} ${currency} is out of range`);
    return minor;
  }
  const factor = 10 ** -shift;
  // Stripe refuses fractional króna since 2023: a remainder means the amount is not what we think it is.
  if (amount % factor !== 0) throw new PayloadError(`${field}: ${amount} is not a whole number of ${currency} units (Stripe counts ${currency} in hundredths)`);
  return amount / factor;
}
