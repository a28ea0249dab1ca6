import { onDocumentWritten } from "firebase-functions/firestore";
import { readAffiliate, type AffiliateRecord } from "../affiliates/record.js";
import { payoutEmailChange } from "../affiliates/payout-email-change.js";
import { becameActive } from "../affiliates/status.js";
import { portalUrl } from "../config/params.js";
import { publicUrl } from "../config/public-url.js";
import { payoutEmailChangedEmail } from "../emails/payout-email-changed.js";
import { welcomeEmail } from "../emails/welcome-email.js";
import { auditOnce } from "../store/audit.js";
import { loadCourses } from "../store/courses.js";
import { queueMails } from "../store/mail.js";
import { readProgramSettings } from "../store/program.js";

/**
 * Invitation and approval both end in `status: active`, so the welcome email is sent here, once for
 * both. The mail id depends only on the affiliate, so a retried trigger (or a later re-enable) never
 * sends it twice.
 */
export async function handleAffiliateWritten(before: AffiliateRecord | null, after: AffiliateRecord | null): Promise<number> {
  if (!after?.email || !becameActive(before?.status ?? null, after.status)) return 0;
  const [settings, courses] = await Promise.all([readProgramSettings(), loadCourses()]);
  const portal = publicUrl(portalUrl).replace(/\/+$/, "");
  const ref = after.slug ?? after.id;
  return queueMails(
    welcomeEmail({
      programName: settings.name,
      affiliate: { id: after.id, name: after.name, email: after.email },
      links: courses.map((course) => ({
        courseName: course.name,
        url: `${portal}/r/${encodeURIComponent(ref)}/${encodeURIComponent(course.id)}`,
      })),
      discountCode: after.discountCode ?? (settings.discountCode || null),
      portalUrl: portal,
    }),
  );
}

/**
 * A changed payout email (only the affiliate, or whoever holds their session, can change it) is told
 * to the sign-in address and written to the audit trail; `changeKey` (the event id) makes a retried
 * trigger do both once.
 */
export async function handlePayoutEmailChanged(before: AffiliateRecord | null, after: AffiliateRecord | null, changeKey: string): Promise<number> {
  const change = payoutEmailChange(before, after);
  if (change === null || after === null) return 0;
  await auditOnce(`payout-email-${after.id}-${changeKey}`, {
    action: "affiliate.payoutEmail",
    by: { uid: after.id, email: after.email ?? "" },
    target: { collection: "affiliates", id: after.id },
    before: { payoutEmail: change.from },
    after: { payoutEmail: change.to },
  });
  if (!after.email) return 0;
  const settings = await readProgramSettings();
  return queueMails(
    payoutEmailChangedEmail({
      programName: settings.name,
      affiliate: { id: after.id, name: after.name, email: after.email },
      ...change,
      changeKey,
      portalUrl: publicUrl(portalUrl),
    }),
  );
}

export const onAffiliateWritten = onDocumentWritten({ document: "affiliates/{affiliateId}", retry: true }, async (event) => {
  const { affiliateId } = event.params;
  const before = event.data?.before.exists ? readAffiliate(event.data.before.data(), affiliateId) : null;
  const after = event.data?.after.exists ? readAffiliate(event.data.after.data(), affiliateId) : null;
  await Promise.all([handleAffiliateWritten(before, after), handlePayoutEmailChanged(before, after, event.id)]);
});
