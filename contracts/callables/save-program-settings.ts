import { programSettingsSchema } from "../program-settings.js";
import { okOutput } from "./fields.js";

/** The whole `settings/program` document; fields left out take their defaults. */
export const saveProgramSettingsInput = programSettingsSchema.strict();

export const saveProgramSettingsOutput = okOutput;
