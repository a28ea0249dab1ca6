import { ConfigError, onEmulator } from "./runtime.js";

// PORTAL_URL and DEFAULT_REDIRECT_URL end up in front of people: links in emails, the landing page of
// a /r/ link. They have no default, so a deploy without them asks for them (or fails when it cannot
// ask); this also refuses, outside the emulators, a value that only works on the developer's machine
// (say, copied from .env.local), rather than mailing links nobody can open.

export class PublicUrlError extends ConfigError {}

// Loopback and "any" addresses, and the reserved .localhost names.
const LOCAL_HOST = /^(?:localhost|.+\.localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])$/i;

/** `value` when it is a public https URL, or when running on the emulators; throws otherwise. */
export function checkPublicUrl(name: string, value: string, onEmulator: boolean): string {
  if (onEmulator) return value;
  const fix = `set ${name} to the public https address in functions/.env.<projectId> and deploy again`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PublicUrlError(`${name} is not a URL ("${value}"): ${fix}.`);
  }
  if (url.protocol !== "https:" || LOCAL_HOST.test(url.hostname)) {
    throw new PublicUrlError(`${name} is ${value}, which only works on a developer's machine: ${fix}.`);
  }
  return value;
}

/** The value of a URL parameter, checked by `checkPublicUrl`. Read inside handlers, like every parameter. */
export function publicUrl(param: { name: string; value: () => string }): string {
  return checkPublicUrl(param.name, param.value(), onEmulator());
}
