import { onDocumentWritten } from "firebase-functions/firestore";
import { listOf, ownerEmails, portalUrl } from "../config/params.js";
import { callsForMail, orderMails } from "../emails/order-mails.js";
import { readOrderRecord, type OrderRecord } from "../orders/record.js";
import { readAffiliate } from "../store/affiliates.js";
import { syncLedger } from "../store/ledger.js";
import { queueMails } from "../store/mail.js";
import { readProgramSettings } from "../store/program.js";

/**
 * Keeps the affiliate's projection and ledger in step with the order, then queues the emails the
 * change calls for. Both steps are idempotent, so the trigger may be retried (at-least-once).
 */
export async function handleOrderWritten(orderKey: string, before: OrderRecord | null, after: OrderRecord | null): Promise<{ deltas: number; mails: number }> {
  const { deltas } = await syncLedger(orderKey);
  // Payouts, approvals and customer refreshes change an order without calling for an email: skip
  // the two reads then.
  if (!after || !callsForMail(before, after)) return { deltas, mails: 0 };
  const [settings, affiliate] = await Promise.all([readProgramSettings(), after.affiliateId ? readAffiliate(after.affiliateId) : null]);
  const mails = await queueMails(
    orderMails(orderKey, before, after, {
      programName: settings.name,
      ownerEmails: [...listOf(ownerEmails.value()), ...settings.notifyEmails],
      portalUrl: portalUrl.value(),
      affiliate: affiliate?.email ? { id: affiliate.id, name: affiliate.name, email: affiliate.email } : null,
    }),
  );
  return { deltas, mails };
}

export const onOrderWritten = onDocumentWritten({ document: "orders/{orderKey}", retry: true }, async (event) => {
  const { orderKey } = event.params;
  const before = event.data?.before.exists ? readOrderRecord(event.data.before.data(), orderKey) : null;
  const after = event.data?.after.exists ? readOrderRecord(event.data.after.data(), orderKey) : null;
  await handleOrderWritten(orderKey, before, after);
});
