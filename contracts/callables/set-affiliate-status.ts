import { z } from "zod";
import { AFFILIATE_STATUSES, STATUS_ACTIONS } from "../affiliates.js";
import { affiliateIdField } from "./fields.js";

export const setAffiliateStatusInput = z.strictObject({
  affiliateId: affiliateIdField,
  action: z.enum(STATUS_ACTIONS),
  note: z.string().trim().max(1000).default(""),
});

export const setAffiliateStatusOutput = z.object({ status: z.enum(AFFILIATE_STATUSES) });
