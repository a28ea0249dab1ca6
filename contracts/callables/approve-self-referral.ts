import { z } from "zod";
import { orderKeyField } from "./fields.js";

export const approveSelfReferralInput = z.strictObject({ orderKey: orderKeyField });

export const approveSelfReferralOutput = z.object({ orderKey: z.string(), flagApproved: z.boolean() });
