// The typed client for the callable functions: a name decides the input and the answer's type, both
// checked against contracts/callables (see callable-contract.ts). The Functions SDK and the schemas
// (zod) load on the first call, so the sign-in page ships neither.
import type { CallableInput, CallableName, CallableOutput } from "../../../contracts/callables/index";
import { env } from "../config/env";
import { checkInput, readAnswer, type Contracts } from "./callable-contract";
import { app, emulatorHost, EMULATOR_PORTS } from "./firebase";

interface Client {
  send: (name: CallableName, data: unknown) => Promise<unknown>;
  contracts: Contracts;
}

let client: Promise<Client> | null = null;

function load(): Promise<Client> {
  client ??= Promise.all([import("firebase/functions"), import("../../../contracts/callables/index"), import("./firebase-app-check")]).then(([sdk, { callables }, appCheck]) => {
    // Before the Functions instance, so every call carries an App Check token.
    appCheck.startAppCheck(app, emulatorHost !== null);
    const functions = sdk.getFunctions(app, env.functionsRegion);
    if (emulatorHost !== null) sdk.connectFunctionsEmulator(functions, emulatorHost, EMULATOR_PORTS.functions);
    return { send: async (name, data) => (await sdk.httpsCallable(functions, name)(data)).data, contracts: callables };
  });
  return client;
}

export async function call<N extends CallableName>(name: N, input: CallableInput<N>): Promise<CallableOutput<N>> {
  const { send, contracts } = await load();
  const contract: Contracts[N] = contracts[name];
  checkInput(contract, input);
  // The function applies its own defaults and trimming, so it gets what the caller gave.
  return readAnswer(contract, name, await send(name, input ?? null));
}
