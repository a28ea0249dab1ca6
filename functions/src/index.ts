// Deployed functions: each export's name is its identity in Firebase, so it never changes.
import { reconcileOwnersOnStart } from "./auth/owner-sync.js";

reconcileOwnersOnStart();
export { paddleWebhook } from "./webhooks/paddle/endpoint.js";
export { paddleClassicWebhook } from "./webhooks/paddle-classic/endpoint.js";
export { lemonSqueezyWebhook } from "./webhooks/lemonsqueezy/endpoint.js";
export { onOrderWritten } from "./triggers/on-order-written.js";
export { session } from "./auth/session.js";
export { beforeCreate, beforeSignIn } from "./auth/blocking.js";
export { reconcileOwnersEvery5Minutes } from "./auth/owner-sync.js";
export { click, redirect } from "./clicks/endpoint.js";
export { onVisitWritten } from "./triggers/on-visit-written.js";
export { apply } from "./affiliates/apply.js";
export { onAffiliateWritten } from "./triggers/on-affiliate-written.js";
export { onPayoutCreated } from "./triggers/on-payout-created.js";
export { inviteAffiliate } from "./owner/invite-affiliate.js";
export { setAffiliateStatus } from "./owner/set-affiliate-status.js";
export { updateAffiliate } from "./owner/update-affiliate.js";
export { saveProgramSettings } from "./owner/save-program-settings.js";
export { saveCourse } from "./owner/save-course.js";
export { reattributeOrder } from "./owner/reattribute-order.js";
export { approveSelfReferral } from "./owner/approve-self-referral.js";
export { replayWebhookEvent } from "./owner/replay-webhook-event.js";
export { payableNow } from "./owner/payable-now.js";
export { recordPayout } from "./owner/record-payout.js";
export { tidyLedgersDaily } from "./triggers/tidy-ledgers.js";
