import { onCall } from "firebase-functions/https";
import { callables } from "../../../contracts/callables/index.js";
import { saveProgramSettings as save } from "../store/program.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

/** Replaces settings/program; past commissions keep the rate and dates they were credited with. */
export async function handleSaveProgramSettings(auth: CallerAuth | undefined, data: unknown): Promise<{ ok: true }> {
  const owner = requireOwner(auth);
  await save(parseInput(callables.saveProgramSettings.input, data), owner);
  return { ok: true };
}

export const saveProgramSettings = onCall((request) => handleSaveProgramSettings(request.auth, request.data));
