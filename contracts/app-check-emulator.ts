// On the emulators no App Check token can be had (every provider, even the debug one, needs Google's
// backend), and the Functions emulator decodes an App Check token without verifying it. So the portal
// on the emulators, and the tests, send this unsigned token naming the web app; in production it
// fails verification like any forged token.

const base64url = (json: object): string => btoa(JSON.stringify(json)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

export function emulatorAppCheckToken(appId: string, projectId: string, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const payload = { sub: appId, aud: [`projects/${projectId}`], iss: "https://firebaseappcheck.googleapis.com/emulator", iat, exp: iat + 3600 };
  return `${base64url({ alg: "none", typ: "JWT" })}.${base64url(payload)}.`;
}
