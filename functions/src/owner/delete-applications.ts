import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { deleteApplications as remove } from "../store/applications.js";

/** Removes applications in bulk (spam), with one audit entry. */
export const deleteApplications = ownerCallable(callables.deleteApplications, async ({ applicationIds }, owner) => ({ deleted: await remove(applicationIds, owner) }));
