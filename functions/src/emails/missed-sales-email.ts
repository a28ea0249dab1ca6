import { OWNER_RECIPIENT, composeMail } from "./compose.js";
import type { ComposedMail } from "./mail-doc.js";

export interface MissedSalesInput {
  programName: string;
  ownerEmails: readonly string[];
  platformName: string;
  /** The sync run that found them: one email per run, however often its trigger fires. */
  runId: string;
  missed: number;
  unattributed: number;
  portalUrl: string;
}

/**
 * To the owner when an hourly sync (or "Sync now") records sales no webhook had brought: the sales
 * are safe now, but webhooks are failing (a wrong secret, an endpoint down) and should be checked.
 */
export function missedSalesEmail(input: MissedSalesInput): ComposedMail[] {
  const sales = input.missed === 1 ? "1 sale" : `${input.missed} sales`;
  return composeMail({
    kind: "sync-missed-sales",
    subjectKey: input.runId,
    recipient: OWNER_RECIPIENT,
    to: input.ownerEmails,
    subject: `${input.programName}: ${sales} from ${input.platformName} arrived without their webhook`,
    blocks: [
      {
        type: "paragraph",
        text: `The reconciliation with ${input.platformName}'s API found ${sales} that no webhook had brought, and recorded them with their commissions.`,
      },
      { type: "facts", rows: [["Recorded from the API", String(input.missed)], ["Of them, not credited to an affiliate", String(input.unattributed)]] },
      {
        type: "paragraph",
        text: `Webhooks are probably failing: check the webhook URL and secret in ${input.platformName}'s dashboard, and the Failed events and Sync pages of the console.`,
      },
      { type: "link", label: "Open the console", url: input.portalUrl },
    ],
  });
}
