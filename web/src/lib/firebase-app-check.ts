// App Check for the public callables (apply, signInLink), which the functions require when
// ENFORCE_APP_CHECK is on. Loaded with the callable client, so pages that call nothing ship none of it.
import type { FirebaseApp } from "firebase/app";
import { CustomProvider, initializeAppCheck, ReCaptchaEnterpriseProvider } from "firebase/app-check";
import { emulatorAppCheckToken } from "../../../contracts/app-check-emulator";
import { env } from "../config/env";

let started = false;

/** reCAPTCHA Enterprise in production; on the emulators an unsigned token they accept without checking. */
export function startAppCheck(app: FirebaseApp, onEmulators: boolean): void {
  if (started) return;
  started = true;
  if (onEmulators) {
    const provider = new CustomProvider({
      getToken: () => Promise.resolve({ token: emulatorAppCheckToken(env.firebase.appId, env.firebase.projectId, Date.now()), expireTimeMillis: Date.now() + 3_000_000 }),
    });
    initializeAppCheck(app, { provider, isTokenAutoRefreshEnabled: false });
  } else if (env.appCheckSiteKey !== null) {
    initializeAppCheck(app, { provider: new ReCaptchaEnterpriseProvider(env.appCheckSiteKey), isTokenAutoRefreshEnabled: true });
  }
}
