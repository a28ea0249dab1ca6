import { onDocumentWritten } from "firebase-functions/firestore";
import { listOf, ownerEmails, portalUrl } from "../config/params.js";
import { callsForMail, orderMails } from "../emails/order-mails.js";
import { programSettings } from "../../../contracts/program-settings.js";
import { db } from "../store/firestore.js";
import { derivedOf, syncLedger } from "../store/ledger.js";
import { queueMails } from "../store/mail.js";
import type { OrderDoc } from "../store/orders.js";
import type { AffiliateContact } from "../emails/compose.js";

/**
 * Keeps the affiliate's projection and ledger in step with the order, then queues the emails the
 * change calls for. Both steps are idempotent, so the trigger may be retried (at-least-once).
 */
export async function handleOrderWritten(orderKey: string, before: OrderDoc | null, after: OrderDoc | null): Promise<void> {
  await syncLedger(orderKey);
  const beforeView = before ? derivedOf(before) : null;
  const afterView = after ? derivedOf(after) : null;
  // Payouts, approvals and customer refreshes change an order without calling for an email: skip
  // the two reads then.
  if (!after || !afterView || !callsForMail(beforeView, afterView)) return;
  const [settingsSnap, affiliateSnap] = await Promise.all([
    db().collection("settings").doc("program").get(),
    after.affiliateId ? db().collection("affiliates").doc(after.affiliateId).get() : Promise.resolve(null),
  ]);
  const settings = programSettings(settingsSnap.data());
  const affiliate: AffiliateContact | null =
    affiliateSnap?.exists && typeof affiliateSnap.get("email") === "string"
      ? {
          id: affiliateSnap.id,
          name: String(affiliateSnap.get("displayName") || affiliateSnap.get("name") || ""),
          email: affiliateSnap.get("email") as string,
        }
      : null;
  await queueMails(
    orderMails(orderKey, beforeView, afterView, {
      programName: settings.name,
      ownerEmails: [...listOf(ownerEmails.value()), ...settings.notifyEmails],
      portalUrl: portalUrl.value(),
      affiliate,
    }),
  );
}

export const onOrderWritten = onDocumentWritten({ document: "orders/{orderKey}", retry: true }, async (event) => {
  const before = event.data?.before.exists ? (event.data.before.data() as OrderDoc) : null;
  const after = event.data?.after.exists ? (event.data.after.data() as OrderDoc) : null;
  await handleOrderWritten(event.params.orderKey, before, after);
});
