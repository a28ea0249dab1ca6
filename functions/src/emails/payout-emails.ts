import { affiliateRecipient, composeMail, greeting, type AffiliateContact } from "./compose.js";
import { formatDate, formatMoney } from "./format-money.js";
import type { ComposedMail } from "./mail-doc.js";

export interface PayoutEmailInput {
  programName: string;
  payoutId: string;
  affiliate: AffiliateContact;
  amountMinor: number;
  currency: string;
  /** How it was paid, as the owner recorded it ("PayPal", "bank transfer"). */
  method: string;
  /** The owner's reference for the transfer, if any. */
  reference: string | null;
  commissionCount: number;
  paidAt: string; // ISO 8601
  portalUrl: string;
}

/** The email that tells an affiliate a payout was recorded for them. */
export function payoutEmails(input: PayoutEmailInput): ComposedMail[] {
  const amount = formatMoney(input.amountMinor, input.currency);
  const count = input.commissionCount;
  const rows: Array<readonly [string, string]> = [
    ["Amount", amount],
    ["Method", input.method],
  ];
  if (input.reference !== null && input.reference.trim() !== "") rows.push(["Reference", input.reference]);
  rows.push(["Commissions", String(count)], ["Date", formatDate(input.paidAt)]);

  return composeMail({
    kind: "payout-affiliate",
    subjectKey: input.payoutId,
    recipient: affiliateRecipient(input.affiliate),
    to: [input.affiliate.email],
    subject: `${input.programName} sent you a payout of ${amount}`,
    blocks: [
      { type: "paragraph", text: greeting(input.affiliate.name) },
      {
        type: "paragraph",
        text: `${input.programName} paid you ${amount} for ${count} ${count === 1 ? "commission" : "commissions"}.`,
      },
      { type: "facts", rows },
      { type: "link", label: "See the details in your affiliate portal", url: input.portalUrl },
    ],
  });
}
