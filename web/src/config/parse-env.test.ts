import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, resolveEmulatorHost } from "./parse-env";

const emulator = {
  VITE_FIREBASE_PROJECT_ID: "demo-affiliates",
  VITE_FIREBASE_API_KEY: "demo-key",
  VITE_FIREBASE_AUTH_DOMAIN: "demo-affiliates.firebaseapp.com",
  VITE_FIREBASE_APP_ID: "demo-app",
  VITE_USE_EMULATORS: "true",
  VITE_EMULATOR_HOST: "127.0.0.1",
};

describe("parseEnv", () => {
  it("reads the emulator configuration", () => {
    expect(parseEnv(emulator)).toEqual({
      firebase: { projectId: "demo-affiliates", apiKey: "demo-key", authDomain: "demo-affiliates.firebaseapp.com", appId: "demo-app" },
      functionsRegion: "us-central1",
      useEmulators: true,
      emulatorHost: "127.0.0.1",
      appCheckSiteKey: null,
    });
  });

  it("reads the App Check site key when there is one", () => {
    expect(parseEnv({ ...emulator, VITE_APP_CHECK_SITE_KEY: " 6Lc-site-key " }).appCheckSiteKey).toBe("6Lc-site-key");
  });

  it("lists every missing key in one readable error", () => {
    let caught: unknown;
    try {
      parseEnv({ VITE_FIREBASE_PROJECT_ID: "p", VITE_FIREBASE_APP_ID: "  " });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const error = caught as EnvError;
    expect(error.problems).toEqual(["VITE_FIREBASE_API_KEY is missing", "VITE_FIREBASE_AUTH_DOMAIN is missing", "VITE_FIREBASE_APP_ID is missing"]);
    expect(error.message).toContain("- VITE_FIREBASE_API_KEY is missing\n- VITE_FIREBASE_AUTH_DOMAIN is missing");
  });

  it("rejects a flag that is not true/false and emulators with a real project", () => {
    expect(() => parseEnv({ ...emulator, VITE_USE_EMULATORS: "yes" })).toThrow(/VITE_USE_EMULATORS must be/);
    expect(() => parseEnv({ ...emulator, VITE_FIREBASE_PROJECT_ID: "my-prod" })).toThrow(/needs a demo-\* VITE_FIREBASE_PROJECT_ID/);
  });

  it("defaults emulators off and the region to us-central1", () => {
    const { VITE_USE_EMULATORS: _flag, VITE_EMULATOR_HOST: _host, ...prod } = emulator;
    const env = parseEnv({ ...prod, VITE_FIREBASE_PROJECT_ID: "my-prod" });
    expect(env.useEmulators).toBe(false);
    expect(env.functionsRegion).toBe("us-central1");
    expect(parseEnv({ ...emulator, VITE_FUNCTIONS_REGION: "europe-west1" }).functionsRegion).toBe("europe-west1");
    expect(() => parseEnv({ ...emulator, VITE_FUNCTIONS_REGION: "https://x" })).toThrow(/not a region name/);
  });
});

describe("resolveEmulatorHost", () => {
  it.each([
    ["localhost", "localhost"],
    ["127.0.0.1", "127.0.0.1"],
    ["portal.example.com", "10.0.0.5"],
  ])("page on %s talks to %s", (page, expected) => {
    expect(resolveEmulatorHost("10.0.0.5", page)).toBe(expected);
  });
});
