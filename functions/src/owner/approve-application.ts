import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { approveApplication as approve } from "../store/applications.js";

/** Turns an application into an active affiliate; the affiliate trigger sends the welcome email. */
export const approveApplication = ownerCallable(callables.approveApplication, ({ applicationId, note }, owner) => approve(applicationId, note, owner));
