import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { saveCourse as save } from "../store/program.js";

/** Creates or replaces courses/{id}: name, site URL and the platforms' product ids. */
export const saveCourse = ownerCallable(callables.saveCourse, async ({ id, course }, owner) => {
  await save({ ...course, id }, owner);
  return { ok: true };
});
