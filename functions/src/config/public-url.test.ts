import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { defaultRedirectUrl, portalUrl } from "./params.js";
import { checkPublicUrl, publicUrl, PublicUrlError } from "./public-url.js";

const emulatorExample = parseEnv(readFileSync(join(__dirname, "../../.env.local.example"), "utf8"));

describe("checkPublicUrl outside the emulators", () => {
  test.each(["https://affiliates.example.com", "https://school.example/courses/", "https://acme.web.app"])("accepts %s", (url) => {
    expect(checkPublicUrl("PORTAL_URL", url, false)).toBe(url);
  });

  test.each([
    "http://127.0.0.1:5000",
    "http://localhost:5000/",
    "https://localhost",
    "https://127.0.0.1/",
    "https://127.1.2.3",
    "https://0.0.0.0:5000",
    "https://[::1]:5000/",
    "https://portal.localhost/",
    "http://affiliates.example.com",
    "affiliates.example.com",
    "",
  ])("refuses %j", (url) => {
    expect(() => checkPublicUrl("PORTAL_URL", url, false)).toThrow(PublicUrlError);
  });

  test("says which parameter to set, and where", () => {
    expect(() => checkPublicUrl("DEFAULT_REDIRECT_URL", "http://127.0.0.1:5000/", false)).toThrow(
      /DEFAULT_REDIRECT_URL is http:\/\/127\.0\.0\.1:5000\/.*functions\/\.env\.<projectId>/,
    );
  });
});

test.each(["PORTAL_URL", "DEFAULT_REDIRECT_URL"])("the emulators' %s works there and nowhere else", (name) => {
  const value = emulatorExample[name] ?? "";
  expect(value).toMatch(/^http:\/\/127\.0\.0\.1:5000/);
  expect(checkPublicUrl(name, value, true)).toBe(value);
  expect(() => checkPublicUrl(name, value, false)).toThrow(PublicUrlError);
});

describe.each([
  ["PORTAL_URL", portalUrl],
  ["DEFAULT_REDIRECT_URL", defaultRedirectUrl],
] as const)("the %s parameter", (name, param) => {
  const saved = { value: process.env[name], emulator: process.env.FUNCTIONS_EMULATOR };
  afterEach(() => {
    for (const [key, value] of [[name, saved.value], ["FUNCTIONS_EMULATOR", saved.emulator]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  test("has no default, so a deploy without a value asks for one or fails", () => {
    expect(param.name).toBe(name);
    expect(param.options.default).toBeUndefined();
  });

  test("is asked for as an https URL", () => {
    const input = param.options.input;
    const pattern = input && "text" in input ? input.text.validationRegex : undefined;
    expect(pattern).toBeDefined();
    expect(new RegExp(pattern ?? "").test("https://affiliates.example.com")).toBe(true);
    expect(new RegExp(pattern ?? "").test(emulatorExample[name] ?? "")).toBe(false);
  });

  test("is refused when local, unless the Functions emulator runs the code", () => {
    process.env[name] = emulatorExample[name];
    delete process.env.FUNCTIONS_EMULATOR;
    expect(() => publicUrl(param)).toThrow(PublicUrlError);
    process.env.FUNCTIONS_EMULATOR = "true";
    expect(publicUrl(param)).toBe(emulatorExample[name]);
  });
});
