import { z } from "zod";

// The owner's review of applications (`applications/{id}`, newest first in the console).

const applicationIdField = z.string().regex(/^app_[0-9a-f]{32}$/);

/** Creates the Auth user and an active affiliate from the application, which is then removed. */
export const approveApplicationInput = z.strictObject({
  applicationId: applicationIdField,
  note: z.string().trim().max(1000).default(""),
});

/** `created` is false when the address already had an affiliate (now active). */
export const approveApplicationOutput = z.object({ affiliateId: z.string(), created: z.boolean() });

/** Deletes applications (spam) in bulk; ids already gone are fine. One page of the console at most. */
export const deleteApplicationsInput = z.strictObject({
  applicationIds: z.array(applicationIdField).min(1).max(200),
});

export const deleteApplicationsOutput = z.object({ deleted: z.number().int().nonnegative() });

