import { z } from "zod";
import { affiliateIdField, orderKeyField } from "./fields.js";

export const reattributeOrderInput = z.strictObject({
  orderKey: orderKeyField,
  affiliateId: affiliateIdField,
});

/** The order as credited now; the commission moves between ledgers a moment later. */
export const reattributeOrderOutput = z.object({
  orderKey: z.string(),
  affiliateId: z.string().nullable(),
  commissionMinor: z.int(),
  currency: z.string().nullable(),
});
