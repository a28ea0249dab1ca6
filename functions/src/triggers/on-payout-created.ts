import { onDocumentCreated } from "firebase-functions/firestore";
import { portalUrl } from "../config/params.js";
import { payoutEmails } from "../emails/payout-emails.js";
import { programSettings } from "../../../contracts/program-settings.js";
import { db, Timestamp } from "../store/firestore.js";
import { queueMails } from "../store/mail.js";

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** Tells the affiliate about a recorded payout; the mail id is derived from the payout id, so once. */
export async function handlePayoutCreated(payoutId: string, payout: Record<string, unknown>): Promise<number> {
  const affiliateId = text(payout.affiliateId);
  if (affiliateId === "") return 0;
  const [affiliate, settingsSnap] = await Promise.all([
    db().collection("affiliates").doc(affiliateId).get(),
    db().collection("settings").doc("program").get(),
  ]);
  const email = text(affiliate.get("payoutEmail")) || text(affiliate.get("email")) || text(payout.payeeEmail);
  if (email === "" || typeof payout.amountMinor !== "number") return 0;
  const createdAt = payout.createdAt instanceof Timestamp ? payout.createdAt.toDate() : new Date();
  return queueMails(
    payoutEmails({
      programName: programSettings(settingsSnap.data()).name,
      payoutId,
      affiliate: { id: affiliateId, name: text(affiliate.get("displayName")) || text(affiliate.get("name")), email },
      amountMinor: payout.amountMinor,
      currency: text(payout.currency),
      method: text(payout.method),
      reference: text(payout.reference) || null,
      commissionCount: Array.isArray(payout.orderKeys) ? payout.orderKeys.length : 0,
      paidAt: createdAt.toISOString(),
      portalUrl: portalUrl.value(),
    }),
  );
}

export const onPayoutCreated = onDocumentCreated({ document: "payouts/{payoutId}", retry: true }, async (event) => {
  const data = event.data?.data();
  if (data) await handlePayoutCreated(event.params.payoutId, data);
});
