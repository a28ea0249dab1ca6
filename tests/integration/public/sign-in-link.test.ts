import { describe, expect, test } from "vitest";
import { auth, createAffiliate, db, eventually, uniqueId } from "../../support/emulator";
import { call, OWNER_EMAIL } from "../owner/helpers";
import { burst, clientAddress, midHour, tally, timedCall, viaFrontEnd } from "./limits-support";

// Sign-in links are made by the Admin SDK and mailed as `mail/` documents (kind "sign-in-link");
// the Auth emulator lists every link it made at its oobCodes endpoint.
const AUTH = `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099"}`;
const PER_EMAIL = 30;
const PER_EMAIL_FROM_CLIENT = 5;
const PER_CLIENT = 20;
const MIN_ANSWER_MS = 1_000;
/**
 * Calls in flight at once. The limits are exact upwards (never more than the limit pass); near a
 * limit a request racing others may be refused while within it (store/rate-limits.ts), so the
 * tests check the ceiling and the figures show how close to it a burst got.
 */
const IN_FLIGHT = 10;
/** A burst starts several Functions emulator workers at once; on a shared machine that takes a while. */
const BURST = { timeout: 240_000 };

async function signInMails(email: string): Promise<Array<{ link: string; subject: string }>> {
  const snap = await db().collection("mail").where("kind", "==", "sign-in-link").where("to", "array-contains", email).get();
  return snap.docs.map((doc) => {
    const text = String(doc.get("message.text"));
    return { link: /Sign in: (\S+)/.exec(text)?.[1] ?? "", subject: String(doc.get("message.subject")) };
  });
}

async function emulatorLinks(email: string): Promise<string[]> {
  const res = await fetch(`${AUTH}/emulator/v1/projects/demo-affiliates/oobCodes`);
  const { oobCodes } = (await res.json()) as { oobCodes: Array<{ email: string; oobLink: string; requestType: string }> };
  return oobCodes.filter((c) => c.email === email && c.requestType === "EMAIL_SIGNIN").map((c) => c.oobLink);
}

/** Completes the sign-in as the portal's SDK would, through the Auth emulator's REST API. */
async function signInWith(email: string, link: string): Promise<{ idToken?: string; error?: { message: string } }> {
  const oobCode = new URL(link).searchParams.get("oobCode");
  const res = await fetch(`${AUTH}/identitytoolkit.googleapis.com/v1/accounts:signInWithEmailLink?key=demo`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, oobCode }),
  });
  return (await res.json()) as { idToken?: string; error?: { message: string } };
}

describe("signInLink", () => {
  test("a known address gets a branded mail whose one-time link signs it in and leads to the portal's finish page", async () => {
    const { email } = await createAffiliate();
    expect(await call("signInLink", { email: email.toUpperCase() }, undefined, viaFrontEnd(clientAddress()))).toMatchObject({ status: 200, data: { ok: true } });
    const [mail] = await eventually(async () => ((await signInMails(email)).length === 1 ? signInMails(email) : undefined), "sign-in mail");
    expect(mail?.subject).toMatch(/^Your sign-in link for /);
    expect(await emulatorLinks(email)).toEqual([mail?.link]);
    expect(new URL(mail?.link ?? "").searchParams.get("continueUrl")).toBe("http://127.0.0.1:5000/finish-sign-in");
    expect((await signInWith(email, mail?.link ?? "")).idToken).toEqual(expect.any(String));
    expect((await signInWith(email, mail?.link ?? "")).error?.message).toMatch(/INVALID_OOB_CODE/);
  });

  test("an unknown address gets the same answer, in about the same time, and no mail, link or account", async () => {
    const known = await createAffiliate();
    const unknown = `${uniqueId("nobody")}@test.example`;
    const client = clientAddress();
    const a = await timedCall("signInLink", { email: known.email }, viaFrontEnd(client));
    const b = await timedCall("signInLink", { email: unknown }, viaFrontEnd(client));
    expect(b.result).toEqual(a.result);
    expect(a.ms).toBeGreaterThanOrEqual(MIN_ANSWER_MS - 50);
    expect(b.ms).toBeGreaterThanOrEqual(MIN_ANSWER_MS - 50);
    await eventually(async () => ((await signInMails(known.email)).length === 1 ? true : undefined), "the known address's mail");
    expect(await signInMails(unknown)).toEqual([]);
    expect(await emulatorLinks(unknown)).toEqual([]);
    await expect(auth().getUserByEmail(unknown)).rejects.toMatchObject({ code: "auth/user-not-found" });
  });

  test("an owner's address gets a link even before its first sign-in", async () => {
    // OWNER_EMAILS decides, not an existing account: the demo owner may not have signed in yet.
    expect(await call("signInLink", { email: OWNER_EMAIL }, undefined, viaFrontEnd(clientAddress()))).toMatchObject({ status: 200 });
    await eventually(async () => ((await signInMails(OWNER_EMAIL)).length > 0 ? true : undefined), "the owner's mail");
  });

  test("a burst for one address from many clients: 30 links an hour, then refusals; another address is unaffected", BURST, async () => {
    const victim = await createAffiliate();
    const bystander = await createAffiliate();
    const asOf = midHour();
    const started = performance.now();
    const [requests, other] = await Promise.all([
      burst(35, IN_FLIGHT, () => timedCall("signInLink", { email: victim.email, asOf }, viaFrontEnd(clientAddress()))),
      timedCall("signInLink", { email: bystander.email, asOf }, viaFrontEnd(clientAddress())),
    ]);
    const elapsed = performance.now() - started;
    const counts = tally(requests);
    console.log(`[figures] sign-in burst, one address: 35 requests → ${counts.accepted} accepted, refused ${JSON.stringify(counts.refusedBy)}, in ${Math.round(elapsed)} ms`);
    expect(counts.other).toEqual([]);
    expect(counts.accepted).toBeLessThanOrEqual(PER_EMAIL);
    expect(counts.refusedBy).toEqual({ "sign-in-email": 35 - counts.accepted });
    expect(other.result.status).toBe(200);
    await eventually(async () => ((await signInMails(victim.email)).length === counts.accepted ? true : undefined), "one mail per accepted request");
    await eventually(async () => ((await signInMails(bystander.email)).length === 1 ? true : undefined), "the bystander's mail");
    const refused = requests.find((r) => r.result.status !== 200);
    expect(refused?.result.details).toMatchObject({ limit: "sign-in-email", retryAfterSeconds: expect.any(Number) });
  });

  test("one machine asking for someone's links gets 5 an hour and cannot lock them out: they still get a link from elsewhere", BURST, async () => {
    const victim = await createAffiliate();
    const attacker = clientAddress();
    const asOf = midHour();
    const requests = await burst(12, IN_FLIGHT, (i) => timedCall("signInLink", { email: victim.email, asOf }, viaFrontEnd(attacker, [`198.51.100.${i + 1}`])));
    const counts = tally(requests);
    console.log(`[figures] sign-in burst, one client for one address: 12 requests → ${counts.accepted} accepted, refused ${JSON.stringify(counts.refusedBy)}`);
    expect(counts.other).toEqual([]);
    expect(counts.accepted).toBeGreaterThan(0);
    expect(counts.accepted).toBeLessThanOrEqual(PER_EMAIL_FROM_CLIENT);
    expect(counts.refusedBy).toEqual({ "sign-in-email-client": 12 - counts.accepted });

    const own = await timedCall("signInLink", { email: victim.email, asOf }, viaFrontEnd(clientAddress()));
    expect(own.result.status).toBe(200);
    await eventually(async () => ((await signInMails(victim.email)).length === counts.accepted + 1 ? true : undefined), "the victim's own link");
  });

  test("forged X-Forwarded-For entries do not escape the per-client limit; another client is unaffected", BURST, async () => {
    const client = clientAddress();
    const asOf = midHour();
    const started = performance.now();
    const [requests, other] = await Promise.all([
      burst(35, IN_FLIGHT, (i) => timedCall("signInLink", { email: `${uniqueId("spray")}@test.example`, asOf }, viaFrontEnd(client, [`198.51.100.${i + 1}`, `2001:db8::${i + 1}`]))),
      timedCall("signInLink", { email: `${uniqueId("someone")}@test.example`, asOf }, viaFrontEnd(clientAddress())),
    ]);
    const elapsed = performance.now() - started;
    const counts = tally(requests);
    console.log(`[figures] sign-in burst, one client with 35 forged addresses: ${counts.accepted} accepted, refused ${JSON.stringify(counts.refusedBy)}, in ${Math.round(elapsed)} ms`);
    expect(counts.other).toEqual([]);
    expect(counts.accepted).toBeLessThanOrEqual(PER_CLIENT);
    expect(counts.refusedBy).toEqual({ "sign-in-client": 35 - counts.accepted });
    expect(other.result.status).toBe(200);
  });

  test("without an App Check token it is refused and no link is made", async () => {
    const { email } = await createAffiliate();
    expect(await call("signInLink", { email }, undefined, { ...viaFrontEnd(clientAddress()), "x-firebase-appcheck": "" })).toMatchObject({ error: "UNAUTHENTICATED" });
    expect(await emulatorLinks(email)).toEqual([]);
  });

  test("refuses what is not an email address, naming the field", async () => {
    expect(await call("signInLink", { email: "ada@" }, undefined, viaFrontEnd(clientAddress()))).toMatchObject({ status: 400, error: "INVALID_ARGUMENT", message: expect.stringContaining("email") });
  });
});
