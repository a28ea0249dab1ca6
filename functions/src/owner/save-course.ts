import { onCall } from "firebase-functions/https";
import { z } from "zod";
import { courseSchema } from "../courses/course.js";
import { saveCourse as save } from "../store/program.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

export const courseInputSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits and dashes"),
  course: courseSchema.strict(),
});

/** Creates or replaces courses/{id}: name, site URL and the platforms' product ids. */
export async function handleSaveCourse(auth: CallerAuth | undefined, data: unknown): Promise<{ ok: true }> {
  const owner = requireOwner(auth);
  const input = parseInput(courseInputSchema, data);
  await save({ ...input.course, id: input.id }, owner);
  return { ok: true };
}

export const saveCourse = onCall((request) => handleSaveCourse(request.auth, request.data));
