import { onCall } from "firebase-functions/https";
import { callables } from "../../../contracts/callables/index.js";
import { saveCourse as save } from "../store/program.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

/** Creates or replaces courses/{id}: name, site URL and the platforms' product ids. */
export async function handleSaveCourse(auth: CallerAuth | undefined, data: unknown): Promise<{ ok: true }> {
  const owner = requireOwner(auth);
  const input = parseInput(callables.saveCourse.input, data);
  await save({ ...input.course, id: input.id }, owner);
  return { ok: true };
}

export const saveCourse = onCall((request) => handleSaveCourse(request.auth, request.data));
