import { z } from "zod";
import { courseSchema } from "../course.js";
import { okOutput } from "./fields.js";

export const saveCourseInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits and dashes"),
  course: courseSchema.strict(),
});

export const saveCourseOutput = okOutput;
