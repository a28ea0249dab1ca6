import { callables } from "../../../contracts/callables/index.js";
import { publicCallable } from "../callables/define.js";
import { submitApplication } from "../store/affiliates.js";

/**
 * Public: no sign-in needed. The answer is the same whether the email is new, already applied or
 * already an affiliate, so the form cannot be used to find out who is in the program.
 */
export const apply = publicCallable(callables.apply, async (application) => {
  await submitApplication(application);
  return { ok: true };
});
