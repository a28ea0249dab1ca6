import type { SyncPlatform } from "../../../contracts/sync.js";
import { lemonSqueezyApiBaseUrl, lemonSqueezyApiKey, paddleApiBaseUrl, paddleApiKey, paddleEnvironment } from "../config/params.js";
import { secretValue } from "../config/secrets.js";

// The API keys are optional: a deploy needs each secret to exist, so a seller who does not use a
// platform (or does not want reconciliation) sets it to `off`. Read inside handlers only.

const PADDLE_DEFAULT = "https://api.paddle.com";
const PADDLE_SANDBOX = "https://sandbox-api.paddle.com";

/** A key that is blank or `off` turns the platform's API off. */
export function keyOrNull(value: string): string | null {
  const key = value.trim();
  return key === "" || key.toLowerCase() === "off" ? null : key;
}

export interface ApiAccess {
  platform: SyncPlatform;
  key: string;
  /** No trailing slash. */
  baseUrl: string;
}

/** The platform's API key and base URL, or null when its key is not set. */
export function apiAccess(platform: SyncPlatform): ApiAccess | null {
  if (platform === "paddle") {
    const key = keyOrNull(secretValue(paddleApiKey));
    if (key === null) return null;
    const base = paddleApiBaseUrl.value();
    const baseUrl = base === PADDLE_DEFAULT && paddleEnvironment.value() === "sandbox" ? PADDLE_SANDBOX : base;
    return { platform, key, baseUrl: baseUrl.replace(/\/+$/, "") };
  }
  const key = keyOrNull(secretValue(lemonSqueezyApiKey));
  return key === null ? null : { platform, key, baseUrl: lemonSqueezyApiBaseUrl.value().replace(/\/+$/, "") };
}

export function headersFor(access: ApiAccess): Record<string, string> {
  const auth = { authorization: `Bearer ${access.key}` };
  return access.platform === "paddle" ? { ...auth, accept: "application/json" } : { ...auth, accept: "application/vnd.api+json" };
}
