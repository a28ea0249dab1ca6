import { onDocumentWritten } from "firebase-functions/firestore";
import { becameActive } from "../affiliates/status.js";
import { portalUrl } from "../config/params.js";
import { welcomeEmail } from "../emails/welcome-email.js";
import { programSettings } from "../../../contracts/program-settings.js";
import { loadCourses } from "../store/courses.js";
import { db } from "../store/firestore.js";
import { queueMails } from "../store/mail.js";

type AffiliateData = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * Invitation and approval both end in `status: active`, so the welcome email is sent here, once for
 * both. The mail id depends only on the affiliate, so a retried trigger (or a later re-enable) never
 * sends it twice.
 */
export async function handleAffiliateWritten(affiliateId: string, before: AffiliateData | null, after: AffiliateData | null): Promise<number> {
  if (!after || !becameActive(before ? text(before.status) : null, text(after.status))) return 0;
  const email = text(after.email);
  if (email === "") return 0;
  const [settingsSnap, courses] = await Promise.all([db().collection("settings").doc("program").get(), loadCourses()]);
  const settings = programSettings(settingsSnap.data());
  const portal = portalUrl.value().replace(/\/+$/, "");
  const ref = text(after.slug) || affiliateId;
  return queueMails(
    welcomeEmail({
      programName: settings.name,
      affiliate: { id: affiliateId, name: text(after.displayName) || text(after.name), email },
      links: courses.map((course) => ({
        courseName: course.name,
        url: `${portal}/r/${encodeURIComponent(ref)}/${encodeURIComponent(course.id)}`,
      })),
      discountCode: text(after.discountCode) || settings.discountCode || null,
      portalUrl: portal,
    }),
  );
}

export const onAffiliateWritten = onDocumentWritten({ document: "affiliates/{affiliateId}", retry: true }, async (event) => {
  const before = event.data?.before.exists ? (event.data.before.data() ?? null) : null;
  const after = event.data?.after.exists ? (event.data.after.data() ?? null) : null;
  await handleAffiliateWritten(event.params.affiliateId, before, after);
});
