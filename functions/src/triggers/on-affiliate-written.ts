import { onDocumentWritten } from "firebase-functions/firestore";
import { readAffiliate, type AffiliateRecord } from "../affiliates/record.js";
import { becameActive } from "../affiliates/status.js";
import { portalUrl } from "../config/params.js";
import { welcomeEmail } from "../emails/welcome-email.js";
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
  const portal = portalUrl.value().replace(/\/+$/, "");
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

export const onAffiliateWritten = onDocumentWritten({ document: "affiliates/{affiliateId}", retry: true }, async (event) => {
  const { affiliateId } = event.params;
  const before = event.data?.before.exists ? readAffiliate(event.data.before.data(), affiliateId) : null;
  const after = event.data?.after.exists ? readAffiliate(event.data.after.data(), affiliateId) : null;
  await handleAffiliateWritten(before, after);
});
