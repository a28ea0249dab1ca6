// Pure so it can be tested without Vite: env.ts feeds it import.meta.env.

export interface Env {
  firebase: { projectId: string; apiKey: string; authDomain: string; appId: string };
  functionsRegion: string;
  useEmulators: boolean;
  /** Host the emulators listen on when the page is not served from a loopback name. */
  emulatorHost: string;
  /** reCAPTCHA Enterprise site key for App Check; null when App Check is not set up. */
  appCheckSiteKey: string | null;
}

const REQUIRED = ["VITE_FIREBASE_PROJECT_ID", "VITE_FIREBASE_API_KEY", "VITE_FIREBASE_AUTH_DOMAIN", "VITE_FIREBASE_APP_ID"] as const;

export class EnvError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The portal is misconfigured:\n${problems.map((p) => `- ${p}`).join("\n")}\nSee web/.env.production.example.`);
    this.name = "EnvError";
  }
}

function text(raw: Record<string, unknown>, key: string): string | undefined {
  const value = raw[key];
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

export function parseEnv(raw: Record<string, unknown>): Env {
  const problems: string[] = [];
  const required = new Map<string, string>();
  for (const key of REQUIRED) {
    const value = text(raw, key);
    if (value === undefined) problems.push(`${key} is missing`);
    else required.set(key, value);
  }

  const flag = text(raw, "VITE_USE_EMULATORS") ?? "false";
  if (flag !== "true" && flag !== "false") problems.push(`VITE_USE_EMULATORS must be "true" or "false", got "${flag}"`);
  const useEmulators = flag === "true";

  const projectId = required.get("VITE_FIREBASE_PROJECT_ID") ?? "";
  // A real project with emulators on would send real users to a local auth server; demo-* ids are
  // what the emulators expect, so the two must agree.
  if (useEmulators && projectId !== "" && !projectId.startsWith("demo-")) {
    problems.push(`VITE_USE_EMULATORS=true needs a demo-* VITE_FIREBASE_PROJECT_ID, got "${projectId}"`);
  }

  const region = text(raw, "VITE_FUNCTIONS_REGION") ?? "us-central1";
  if (!/^[a-z]+-[a-z]+\d+$/.test(region)) problems.push(`VITE_FUNCTIONS_REGION "${region}" is not a region name`);

  if (problems.length > 0) throw new EnvError(problems);
  return {
    firebase: {
      projectId,
      apiKey: required.get("VITE_FIREBASE_API_KEY") ?? "",
      authDomain: required.get("VITE_FIREBASE_AUTH_DOMAIN") ?? "",
      appId: required.get("VITE_FIREBASE_APP_ID") ?? "",
    },
    functionsRegion: region,
    useEmulators,
    emulatorHost: text(raw, "VITE_EMULATOR_HOST") ?? "127.0.0.1",
    appCheckSiteKey: text(raw, "VITE_APP_CHECK_SITE_KEY") ?? null,
  };
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * The Hosting emulator answers on both localhost and 127.0.0.1; using the page's own name keeps
 * the emulators on the name the browser already uses, whichever one the tester typed.
 */
export function resolveEmulatorHost(configured: string, pageHostname: string): string {
  return LOOPBACK.has(pageHostname) ? pageHostname : configured;
}
