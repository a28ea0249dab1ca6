import { affiliateRecipient, composeMail, greeting, type AffiliateContact } from "./compose.js";
import type { ComposedMail } from "./mail-doc.js";

export interface PayoutEmailChangedInput {
  programName: string;
  affiliate: AffiliateContact;
  from: string;
  to: string;
  /** Identifies this one change (the trigger's event id), so a retried trigger mails once. */
  changeKey: string;
  portalUrl: string;
}

/** Sent to the sign-in address (the mailbox that proves who the affiliate is) when the payout email changes. */
export function payoutEmailChangedEmail(input: PayoutEmailChangedInput): ComposedMail[] {
  const { affiliate } = input;
  return composeMail({
    kind: "payout-email-changed",
    subjectKey: `${affiliate.id}/${input.changeKey}`,
    recipient: affiliateRecipient(affiliate),
    to: [affiliate.email],
    subject: `${input.programName}: your payout email was changed`,
    blocks: [
      { type: "paragraph", text: greeting(affiliate.name) },
      { type: "paragraph", text: `The address your affiliate payouts from ${input.programName} are sent to was changed.` },
      { type: "facts", rows: [["Before", input.from], ["Now", input.to]] },
      {
        type: "paragraph",
        text: "If you made this change, there is nothing to do. If you did not, sign in to the portal, put back the right address, and tell the program owner by replying to this email.",
      },
      { type: "link", label: "Open your affiliate portal", url: input.portalUrl },
    ],
  });
}
