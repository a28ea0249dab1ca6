import { composeMail, OWNER_RECIPIENT, type AffiliateContact } from "./compose.js";
import { formatDate, formatMoney } from "./format-money.js";
import type { ComposedMail } from "./mail-doc.js";

export interface PayoutRequestEmailInput {
  programName: string;
  requestId: string;
  affiliate: AffiliateContact;
  /** Where the affiliate wants to be paid (their payout email, else their sign-in email). */
  payTo: string;
  amountMinor: number;
  currency: string;
  thresholdMinor: number;
  requestedAt: string; // ISO 8601
  ownerEmails: readonly string[];
  /** The owner console's payouts page. */
  payoutsUrl: string;
}

/** Tells the owner an affiliate asked to be paid; one mail per request (its id includes the request time). */
export function payoutRequestEmails(input: PayoutRequestEmailInput): ComposedMail[] {
  const amount = formatMoney(input.amountMinor, input.currency);
  const name = input.affiliate.name || input.affiliate.email;
  return composeMail({
    kind: "payout-request",
    subjectKey: `${input.requestId}@${input.requestedAt}`,
    recipient: OWNER_RECIPIENT,
    to: input.ownerEmails,
    subject: `Payout requested: ${name} (${amount})`,
    blocks: [
      { type: "paragraph", text: `${name} asked to be paid their payable balance of ${amount} in ${input.programName}.` },
      {
        type: "facts",
        rows: [
          ["Affiliate", `${name} <${input.affiliate.email}>`],
          ["Pay to", input.payTo],
          ["Payable when asked", amount],
          ["Payout threshold", formatMoney(input.thresholdMinor, input.currency)],
          ["Asked on", formatDate(input.requestedAt)],
        ],
      },
      { type: "paragraph", text: "Pay them (PayPal, Wise, bank), then record the payout in the console: that closes the request." },
      { type: "link", label: "Open Payouts in the console", url: input.payoutsUrl },
    ],
  });
}
