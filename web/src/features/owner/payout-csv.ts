import type { OwnerAffiliate, OwnerPayout } from "../../types/models";
import { toCsv } from "../../lib/csv";
import { amount } from "./exports";

export interface Payee {
  name: string;
  email: string;
}

/** Who receives a payout: as recorded on the payout, else the affiliate's current payout details. */
export function payeeOf(payout: OwnerPayout, affiliate: OwnerAffiliate | undefined): Payee {
  return {
    name: payout.payeeName || affiliate?.displayName || affiliate?.name || "",
    email: payout.payeeEmail || affiliate?.payoutEmail || affiliate?.email || "",
  };
}

const noteOf = (programName: string, payout: OwnerPayout) => `${programName || "Affiliate"} commission ${payout.id}`.slice(0, 140);

/**
 * PayPal Payouts / Mass Pay upload: no header row; recipient email, amount, currency, a unique
 * reference id (the payout id) and a note to the recipient.
 */
export function paypalCsv(payouts: ReadonlyArray<{ payout: OwnerPayout; payee: Payee }>, programName: string): string {
  return toCsv(payouts.map(({ payout, payee }) => [payee.email, amount(payout.amountMinor, payout.currency), payout.currency, payout.id, noteOf(programName, payout)]));
}

/**
 * Wise batch transfer to email recipients, with the header of Wise's email-recipient template:
 * the amount is in the target currency, paid from a balance in the same currency.
 */
export function wiseCsv(payouts: ReadonlyArray<{ payout: OwnerPayout; payee: Payee }>, programName: string): string {
  const header = ["name", "recipientEmail", "paymentReference", "receiverType", "amountCurrency", "amount", "sourceCurrency", "targetCurrency"];
  return toCsv([
    header,
    ...payouts.map(({ payout, payee }) => [
      payee.name,
      payee.email,
      noteOf(programName, payout).slice(0, 35),
      "PERSON",
      "target",
      amount(payout.amountMinor, payout.currency),
      payout.currency,
      payout.currency,
    ]),
  ]);
}
