import { randomUUID } from "node:crypto";
import { callables } from "../../../contracts/callables/index.js";
import { FINISH_SIGN_IN_PATH } from "../../../contracts/portal-paths.js";
import { anonymousCallable } from "../callables/define.js";
import { listOf, ownerEmails, portalUrl } from "../config/params.js";
import { publicUrl } from "../config/public-url.js";
import { bucketOf, clientBuckets, SIGN_IN_LIMITS } from "../domain/limits.js";
import { signInEmail } from "../emails/sign-in-email.js";
import { onEmulator } from "../config/runtime.js";
import { clockOf } from "../owner/clock.js";
import { queueMails } from "../store/mail.js";
import { readProgramSettings } from "../store/program.js";
import { takeOrRefuse } from "../store/rate-limits.js";
import { signInLinkFor } from "../store/sign-in-links.js";

/** Above the slowest ordinary path (look-up, link, mail document), so known and unknown addresses answer alike. */
const MIN_ANSWER_MS = 1_000;

/**
 * Public: mails a sign-in link to an address that can sign in, and nothing to one that cannot; the
 * answer is the same. The limits are counted before the look-up, for known and unknown addresses
 * alike, per client first so one machine spraying addresses cannot spend other people's quota. The
 * link always leads to the portal's own finish page (PORTAL_URL), never to a URL from the request.
 */
export const signInLink = anonymousCallable(callables.signInLink, MIN_ANSWER_MS, async ({ email, asOf }, caller) => {
  const now = clockOf(asOf, onEmulator(), new Date());
  await takeOrRefuse(
    [
      ...clientBuckets(SIGN_IN_LIMITS.perClient, caller.clientKey, onEmulator(), now),
      ...clientBuckets(SIGN_IN_LIMITS.perEmailFromClient, caller.clientKey, onEmulator(), now, email),
      bucketOf(SIGN_IN_LIMITS.perEmail, email, now),
    ],
    now,
  );
  const isOwner = listOf(ownerEmails.value()).some((owner) => owner.toLowerCase() === email);
  const link = await signInLinkFor(email, `${publicUrl(portalUrl).replace(/\/+$/, "")}${FINISH_SIGN_IN_PATH}`, isOwner);
  if (link !== null) {
    const { name } = await readProgramSettings();
    await queueMails(signInEmail({ programName: name, email, link, requestId: randomUUID() }));
  }
  return { ok: true as const };
});
