import { onDocumentCreated } from "firebase-functions/firestore";
import { portalUrl } from "../config/params.js";
import { payoutEmails } from "../emails/payout-emails.js";
import { readPayout, type PayoutRecord } from "../payouts/record.js";
import { readAffiliate } from "../store/affiliates.js";
import { queueMails } from "../store/mail.js";
import { readProgramSettings } from "../store/program.js";

/** Tells the affiliate about a recorded payout; the mail id is derived from the payout id, so once. */
export async function handlePayoutCreated(payoutId: string, payout: PayoutRecord): Promise<number> {
  if (payout.affiliateId === "" || payout.amountMinor === null) return 0;
  const [affiliate, settings] = await Promise.all([readAffiliate(payout.affiliateId), readProgramSettings()]);
  const email = affiliate?.payoutEmail ?? affiliate?.email ?? payout.payeeEmail;
  if (email === "") return 0;
  return queueMails(
    payoutEmails({
      programName: settings.name,
      payoutId,
      affiliate: { id: payout.affiliateId, name: affiliate?.name ?? "", email },
      amountMinor: payout.amountMinor,
      currency: payout.currency,
      method: payout.method,
      reference: payout.reference || null,
      commissionCount: payout.orderKeys.length,
      paidAt: (payout.createdAt ?? new Date()).toISOString(),
      portalUrl: portalUrl.value(),
    }),
  );
}

export const onPayoutCreated = onDocumentCreated({ document: "payouts/{payoutId}", retry: true }, async (event) => {
  const data = event.data?.data();
  if (data) await handlePayoutCreated(event.params.payoutId, readPayout(data));
});
