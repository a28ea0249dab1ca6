import { onCall } from "firebase-functions/https";
import { parseInput } from "../owner/guard.js";
import { submitApplication } from "../store/affiliates.js";
import { callables } from "../../../contracts/callables/index.js";

/**
 * Public: no sign-in needed. The answer is the same whether the email is new, already applied or
 * already an affiliate, so the form cannot be used to find out who is in the program.
 */
export async function handleApply(data: unknown): Promise<{ ok: true }> {
  const application = parseInput(callables.apply.input, data);
  await submitApplication(application);
  return { ok: true };
}

export const apply = onCall((request) => handleApply(request.data));
