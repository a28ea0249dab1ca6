import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { saveProgramSettings as save } from "../store/program.js";

/** Replaces settings/program; past commissions keep the rate and dates they were credited with. */
export const saveProgramSettings = ownerCallable(callables.saveProgramSettings, async (settings, owner) => {
  await save(settings, owner);
  return { ok: true };
});
