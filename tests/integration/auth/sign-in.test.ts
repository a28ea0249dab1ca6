import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { auth, db, uniqueId } from "../../support/emulator";
import { call, idTokenFor, OWNER_EMAIL, ownerIdToken } from "../owner/helpers";

// Issue 12.1 and 12.2 on the Auth emulator, through its public REST API as a stranger would call it
// with the web API key (public by design; the emulator accepts any key), with the blocking
// functions registered by the Functions emulator.
const AUTH = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099"}`;
const FIRESTORE = `http://${process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080"}`;
const PROJECT = process.env.GCLOUD_PROJECT ?? "demo-affiliates";
const KEY = "fake-api-key";

interface AuthAnswer {
  status: number;
  body: { idToken?: string; refreshToken?: string; localId?: string; error?: { message?: string } };
}

async function identity(method: string, body: Record<string, unknown>): Promise<AuthAnswer> {
  const response = await fetch(`${AUTH}/identitytoolkit.googleapis.com/v1/accounts:${method}?key=${KEY}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as AuthAnswer["body"] };
}

const signUpWithPassword = (email: string, password: string) => identity("signUp", { email, password, returnSecureToken: true });
const signInWithPassword = (email: string, password: string) => identity("signInWithPassword", { email, password, returnSecureToken: true });

/** Email-link sign-in as the person who owns the mailbox: request the link, read it from the emulator's outbox, use it. */
async function signInWithEmailLink(email: string): Promise<AuthAnswer> {
  const sent = await identity("sendOobCode", { requestType: "EMAIL_SIGNIN", email, continueUrl: "http://127.0.0.1:5000/" });
  expect(sent.status).toBe(200);
  const outbox = (await (await fetch(`${AUTH}/emulator/v1/projects/${PROJECT}/oobCodes`)).json()) as { oobCodes: Array<{ email: string; oobCode: string; requestType: string }> };
  const code = outbox.oobCodes.filter((c) => c.email === email && c.requestType === "EMAIL_SIGNIN").at(-1);
  if (!code) throw new Error(`no sign-in link for ${email}`);
  return identity("signInWithEmailLink", { email, oobCode: code.oobCode });
}

/** A Firestore read through the rules with a user's ID token, as the portal makes it. */
async function readAs(idToken: string, path: string): Promise<number> {
  const response = await fetch(`${FIRESTORE}/v1/projects/${PROJECT}/databases/(default)/documents/${path}`, { headers: { authorization: `Bearer ${idToken}` } });
  return response.status;
}

const refusedByBlockingFunction = (answer: AuthAnswer): void => {
  expect(answer.status).toBe(400);
  expect(answer.body.error?.message).toMatch(/BLOCKING_FUNCTION_ERROR_RESPONSE/);
  expect(answer.body.error?.message).toMatch(/link we email you/);
  expect(answer.body.idToken).toBeUndefined();
};

const userExists = async (email: string): Promise<boolean> => auth().getUserByEmail(email).then(() => true, () => false);

describe("a password registered by a stranger never opens the account (12.1)", () => {
  test("sign-up with a password is refused and creates no account; the real person then signs in by link; the password does not sign in", async () => {
    const email = `${uniqueId("victim-")}@test.example`;
    refusedByBlockingFunction(await signUpWithPassword(email, "stranger-password-1"));
    expect(await userExists(email)).toBe(false);

    const real = await signInWithEmailLink(email);
    expect(real.status).toBe(200);
    expect(real.body.idToken).toBeTruthy();
    const user = await auth().getUserByEmail(email);
    expect(user.emailVerified).toBe(true);
    expect(user.passwordHash).toBeUndefined();

    const stranger = await signInWithPassword(email, "stranger-password-1");
    expect(stranger.status).toBe(400);
    expect(stranger.body.idToken).toBeUndefined();
  });

  test("an account that has a password anyway (set before the blocking functions existed) signs in by link only", async () => {
    const email = `${uniqueId("legacy-")}@test.example`;
    await auth().createUser({ email, password: "legacy-password-1" });
    refusedByBlockingFunction(await signInWithPassword(email, "legacy-password-1"));
    expect((await signInWithEmailLink(email)).status).toBe(200);
  });

  test("anonymous sign-up gets no email, so no rule lets it read anything", async () => {
    const anonymous = await identity("signUp", { returnSecureToken: true });
    // The emulator does not run blocking functions for anonymous sign-up; production keeps the provider off (README).
    const token = anonymous.body.idToken ?? "";
    expect(await readAs(token, "settings/program")).toBe(403);
  });
});

describe("the session callable never makes an account with a password an owner (12.1, defence in depth)", () => {
  let ownerUid: string;
  beforeAll(async () => {
    ownerUid = (await ownerIdToken()).uid;
  });
  afterAll(async () => {
    // The owner account is shared with other suites: take the password off again, whatever happened.
    await auth().updateUser(ownerUid, { providersToUnlink: ["password"] });
  });

  test("OWNER_EMAILS lists the address, yet with a password set the session answers none and ends the owner rights", async () => {
    const before = await idTokenFor(ownerUid);
    expect(await readAs(before, "settings/program")).toBe(200);

    await auth().updateUser(ownerUid, { password: "set-by-someone-else" });
    const session = await call("session", null, await idTokenFor(ownerUid));
    expect(session.data).toMatchObject({ role: "none", claimsChanged: true });
    expect((await auth().getUser(ownerUid)).customClaims?.owner).toBe(false);
    expect((await db().doc(`owners/${ownerUid}`).get()).exists).toBe(false);
    expect(await readAs(before, "settings/program")).toBe(403);

    await auth().updateUser(ownerUid, { providersToUnlink: ["password"] });
    expect((await auth().getUser(ownerUid)).passwordHash).toBeUndefined();
    const back = await ownerIdToken();
    expect(await readAs(back.idToken, "settings/program")).toBe(200);
  });
});

describe("an address removed from OWNER_EMAILS loses owner rights at once (12.2)", () => {
  test("the session call of anyone ends a former owner's reads, claim and refresh tokens, though the former owner calls nothing", async () => {
    // A former owner: record and claim granted while listed; OWNER_EMAILS (functions/.env.local) no longer lists the address.
    const email = `${uniqueId("former-owner-")}@test.example`;
    const { uid } = await auth().createUser({ email, emailVerified: true });
    await auth().setCustomUserClaims(uid, { owner: true });
    await db().doc(`owners/${uid}`).set({ email });
    const token = await idTokenFor(uid);
    expect(await readAs(token, "settings/program")).toBe(200);
    expect(await readAs(token, `owners/${uid}`)).toBe(403);
    // Revocation counts in whole seconds: a token issued in the same second would still pass checkRevoked.
    await new Promise((r) => setTimeout(r, 1100));

    const owner = await ownerIdToken();
    expect((await call("session", null, owner.idToken)).data).toMatchObject({ role: "owner" });

    expect((await db().doc(`owners/${uid}`).get()).exists).toBe(false);
    expect(await readAs(token, "settings/program")).toBe(403);
    expect(await readAs(token, "affiliates?pageSize=1")).toBe(403);
    expect((await auth().getUser(uid)).customClaims?.owner).toBe(false);
    await expect(auth().verifyIdToken(token, true)).rejects.toMatchObject({ code: "auth/id-token-revoked" });
    // The listed owner keeps everything.
    expect((await db().doc(`owners/${owner.uid}`).get()).get("email")).toBe(OWNER_EMAIL);
    expect(await readAs(owner.idToken, "settings/program")).toBe(200);
  });
});
