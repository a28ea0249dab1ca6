import { z } from "zod";
import { COURSE_ID, courseSchema } from "../course.js";
import { okOutput } from "./fields.js";

export const saveCourseInput = z.strictObject({
  id: z.string().regex(COURSE_ID, "lower-case letters, digits and dashes"),
  course: courseSchema.strict(),
});

export const saveCourseOutput = okOutput;
