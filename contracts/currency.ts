/**
 * The one table of minor-unit exponents: ISO 4217's "minor unit" for every active currency code,
 * plus three withdrawn codes Stripe still lists (ANG, SLL, STD). It covers every currency the
 * platforms document: Paddle Billing's 31 sale currencies (RUB and VND included) and 13 payout
 * currencies, Paddle Classic's and Lemon Squeezy's (subsets of those), and Stripe's 135+
 * presentment currencies. The functions (parsing, commissions, emails), the portal and the payout
 * files all read it, so one amount never shows with two different numbers of decimals.
 *
 * Stored amounts are always in these ISO minor units. Where a platform counts otherwise (Intl and
 * PayPal treat HUF as zero-decimal; Stripe's API has "special cases" such as ISK and MGA), its parser
 * converts: a platform's exponent is never taken from anywhere else, and never from Intl.
 * Funds, metals and test codes (XAU, XDR, XTS, XXX…) have no minor unit and are not currencies here.
 */
const ZERO = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
const THREE = "BHD IQD JOD KWD LYD OMR TND";
const FOUR = "CLF UYW";
const TWO =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD " +
  "CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD " +
  "GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA " +
  "MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR " +
  "RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STD STN SVC SYP SZL THB TJS TMT TOP TRY " +
  "TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  ([[ZERO, 0], [TWO, 2], [THREE, 3], [FOUR, 4]] as const).flatMap(([codes, exponent]) => codes.split(" ").map((code) => [code, exponent] as const)),
);

/** Every code the table knows, sorted. */
export const CURRENCY_CODES: readonly string[] = [...EXPONENTS.keys()].sort();

export function isCurrency(code: string): boolean {
  return EXPONENTS.has(code);
}

/** Number of fraction digits of `code`; throws on anything that is not a known upper-case code. */
export function currencyExponent(code: string): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw new RangeError(`Unknown currency code: ${JSON.stringify(code.slice(0, 16))}`);
  return exponent;
}
