import type { z } from "zod";
import { applyInput, applyOutput } from "./apply.js";
import { approveApplicationInput, approveApplicationOutput, deleteApplicationsInput, deleteApplicationsOutput } from "./applications.js";
import { approveSelfReferralInput, approveSelfReferralOutput } from "./approve-self-referral.js";
import { inviteAffiliateInput, inviteAffiliateOutput } from "./invite-affiliate.js";
import { payableNowInput, payableNowOutput } from "./payable-now.js";
import { reattributeOrderInput, reattributeOrderOutput } from "./reattribute-order.js";
import { recordPayoutInput, recordPayoutOutput } from "./record-payout.js";
import { requestPayoutInput, requestPayoutOutput } from "./request-payout.js";
import { replayWebhookEventInput, replayWebhookEventOutput } from "./replay-webhook-event.js";
import { startSyncInput, startSyncOutput, syncStatusInput, syncStatusOutput } from "./start-sync.js";
import { saveCourseInput, saveCourseOutput } from "./save-course.js";
import { saveProgramSettingsInput, saveProgramSettingsOutput } from "./save-program-settings.js";
import { sessionInput, sessionOutput } from "./session.js";
import { signInLinkInput, signInLinkOutput } from "./sign-in-link.js";
import { setAffiliateStatusInput, setAffiliateStatusOutput } from "./set-affiliate-status.js";
import { updateAffiliateInput, updateAffiliateOutput } from "./update-affiliate.js";

/**
 * Every callable function by its deployed name: what it accepts (the functions validate with
 * `input`) and what it answers (`output`, which a client may parse the answer with).
 */
export const callables = {
  session: { input: sessionInput, output: sessionOutput },
  apply: { input: applyInput, output: applyOutput },
  signInLink: { input: signInLinkInput, output: signInLinkOutput },
  inviteAffiliate: { input: inviteAffiliateInput, output: inviteAffiliateOutput },
  approveApplication: { input: approveApplicationInput, output: approveApplicationOutput },
  deleteApplications: { input: deleteApplicationsInput, output: deleteApplicationsOutput },
  setAffiliateStatus: { input: setAffiliateStatusInput, output: setAffiliateStatusOutput },
  updateAffiliate: { input: updateAffiliateInput, output: updateAffiliateOutput },
  saveProgramSettings: { input: saveProgramSettingsInput, output: saveProgramSettingsOutput },
  saveCourse: { input: saveCourseInput, output: saveCourseOutput },
  reattributeOrder: { input: reattributeOrderInput, output: reattributeOrderOutput },
  approveSelfReferral: { input: approveSelfReferralInput, output: approveSelfReferralOutput },
  payableNow: { input: payableNowInput, output: payableNowOutput },
  recordPayout: { input: recordPayoutInput, output: recordPayoutOutput },
  replayWebhookEvent: { input: replayWebhookEventInput, output: replayWebhookEventOutput },
  startSync: { input: startSyncInput, output: startSyncOutput },
  syncStatus: { input: syncStatusInput, output: syncStatusOutput },
  requestPayout: { input: requestPayoutInput, output: requestPayoutOutput },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type CallableName = keyof typeof callables;

/** What a caller sends, before defaults, trimming and lower-casing. */
export type CallableInput<N extends CallableName> = z.input<(typeof callables)[N]["input"]>;

/** What the function works with once the input is validated. */
export type CallableData<N extends CallableName> = z.output<(typeof callables)[N]["input"]>;

/** What the function answers. */
export type CallableOutput<N extends CallableName> = z.output<(typeof callables)[N]["output"]>;

export type { Application } from "./apply.js";
export type { PayableRow } from "./payable-now.js";
