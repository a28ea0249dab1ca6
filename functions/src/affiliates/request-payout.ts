import { callables } from "../../../contracts/callables/index.js";
import { OWNER_PAYOUTS_PATH } from "../../../contracts/portal-paths.js";
import { affiliateCallable } from "../callables/define.js";
import { listOf, ownerEmails, portalUrl } from "../config/params.js";
import { publicUrl } from "../config/public-url.js";
import { requestPayout as request } from "../store/payout-requests.js";

/** An active affiliate over the payout threshold asks the owner to pay them; the owner is emailed. */
export const requestPayout = affiliateCallable(callables.requestPayout, ({ currency }, affiliateId) =>
  request(affiliateId, currency, {
    ownerEmails: listOf(ownerEmails.value()),
    payoutsUrl: `${publicUrl(portalUrl).replace(/\/+$/, "")}${OWNER_PAYOUTS_PATH}`,
    now: new Date(),
  }),
);
