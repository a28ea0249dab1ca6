import { firestoreEmulatorEnv } from "./prerequisites";
import { HOSTING_URL, PORTS, PROJECT_ID } from "./paths";
import { bin } from "./run";

// The Emulator UI and the extensions emulator download their code, which fails offline; the portal's
// outbox and `npm run outbox` stand in for the Trigger Email extension locally.
export const EMULATORS = "auth,firestore,functions,hosting";

export function firebaseBin(): string {
  return bin("firebase");
}

/**
 * The Functions emulator starts one worker per concurrent request and kills a worker that is not up
 * within FUNCTIONS_DISCOVERY_TIMEOUT seconds (30 by default), answering 504, or 500 with EPIPE for a
 * request already written to it. Sixty concurrent webhooks on two busy cores take longer than that
 * to start; production instances don't start this way, so the emulator gets more time.
 */
const WORKER_START_SECONDS = "120";

export function emulatorProcessEnv(): NodeJS.ProcessEnv {
  return { FUNCTIONS_DISCOVERY_TIMEOUT: WORKER_START_SECONDS, ...process.env, ...firestoreEmulatorEnv() };
}

/** Environment for code that talks to the running emulators through the Admin SDK. */
export function adminEmulatorEnv(): Record<string, string> {
  return {
    FIRESTORE_EMULATOR_HOST: `127.0.0.1:${PORTS.firestore}`,
    FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${PORTS.auth}`,
    GCLOUD_PROJECT: PROJECT_ID,
  };
}

/** Waits until Hosting serves the portal and the functions behind its rewrites are loaded. */
export async function waitUntilReady(timeoutMs = 180_000, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error("The emulators stopped while starting; see their output above.");
    try {
      const portal = await fetch(`${HOSTING_URL}/`, { signal: AbortSignal.timeout(2000) });
      // A GET on a webhook path reaches the function (405) only once the functions are loaded.
      const webhook = await fetch(`${HOSTING_URL}/webhooks/lemonsqueezy`, { signal: AbortSignal.timeout(5000) });
      if (portal.ok && webhook.status === 405) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The emulators were not ready after ${timeoutMs / 1000} s.`);
}
