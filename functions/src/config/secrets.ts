import { ConfigError, onEmulator } from "./runtime.js";

// A secret may hold several values while a rotated one overlaps the new one. They are separated by
// line breaks, which no signing secret contains (commas, semicolons and spaces can): in
// functions/.secret.local that is `NAME="old\nnew"` (double quotes, a literal backslash-n), in
// production `firebase functions:secrets:set NAME --data-file values.txt` with one value a line.

/** The values of a multi-value secret: one a line, surrounding blanks and empty lines dropped. */
export function secretValues(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** The PEM public keys in a secret; `.secret.local` may store them on one line with literal `\n` escapes. */
export function pemKeysOf(value: string): string[] {
  const text = value.replace(/\\n/g, "\n");
  return text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
}

// The values committed in functions/.secret.local.example, public to anyone who reads the repository
// (a unit test keeps this list equal to that file). The Classic key is compared by its base64 body.
const DEMO_VALUES: Record<string, readonly string[]> = {
  PADDLE_WEBHOOK_SECRET: ["pdl_ntfset_demo_local_only_secret"],
  LEMONSQUEEZY_WEBHOOK_SECRET: ["ls_demo,local_only_secret"],
  CLICK_SALT: ["demo-click-salt-local-only"],
  STRIPE_WEBHOOK_SECRET: ["whsec_demo_local_only_secret"],
  PADDLE_API_KEY: ["pdl_demo_local_only_api_key"],
  LEMONSQUEEZY_API_KEY: ["ls_demo_local_only_api_key"],
  STRIPE_API_KEY: ["rk_test_demo_local_only_api_key"],
  PADDLE_CLASSIC_PUBLIC_KEY: [
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAl2s30e+el6Py3K1dBFyATNdmGmErhMFzgwS3c/V75rACcqF7L+dl6/FDrdUz+pI49JINf8510+hIFRfHeLL6wTigwhlxHZVG/TkufO5vBDNWKM6O5vZGUo+uNC+oYRioCpplKDKWLNfC4UlcaF5l/rCpzzujR+Z3+nvYIDOM1BXhCqUPXWj04bEoXzn7rLNhIAP7NHNTqSQDUDQfqXMLDXdSRrIahNKtO1Lta0U70hkKczhPDEmAnwbTBCwDW1IyhSCw+OMeKgoXNyrl/dtPZEMwTtLf/bcXsS1s03aTc77jMKKzSGJoyVjLIBv73bE3Mb+b3U+3ZPcQyDYUkWau9wIDAQAB",
  ],
};

const pemBody = (pem: string): string => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");

/** True when one of the values is a demo value committed to the repository. */
export function isDemoSecret(name: string, values: readonly string[]): boolean {
  const demo = DEMO_VALUES[name] ?? [];
  return values.some((v) => demo.includes(v) || demo.includes(pemBody(v)));
}

/**
 * Refuses, outside the emulators, a secret that still holds a demo value: anyone could sign webhooks
 * with it (or, for the click salt, reverse visitor hashes). The message says what to set.
 */
export function checkedSecret(name: string, values: string[], emulator = onEmulator()): string[] {
  if (!emulator && isDemoSecret(name, values)) {
    throw new ConfigError(
      `${name} holds the demo value from functions/.secret.local.example, which only the emulators may use: ` +
        `set the real one with \`firebase functions:secrets:set ${name}\` and deploy again.`,
    );
  }
  return values;
}

/** Every value of a secret parameter, read inside a handler and checked by `checkedSecret`. */
export function secretList(param: { name: string; value: () => string }): string[] {
  return checkedSecret(param.name, secretValues(param.value()));
}

/** The PEM keys of a secret parameter, checked by `checkedSecret`. */
export function secretPemKeys(param: { name: string; value: () => string }): string[] {
  return checkedSecret(param.name, pemKeysOf(param.value()));
}

/** A single-value secret parameter (the click salt), checked by `checkedSecret`. */
export function secretValue(param: { name: string; value: () => string }): string {
  const value = param.value();
  checkedSecret(param.name, [value]);
  return value;
}
