import { randomInt } from "node:crypto";
import { describe, expect, test } from "vitest";
import { mailDocId } from "../../../functions/src/emails/mail-doc";
import { applicationIdOf } from "../../../functions/src/affiliates/application-id";
import { auth, createAffiliate, db, eventually, uniqueId } from "../../support/emulator";
import { auditEntries, call, idTokenFor, ownerIdToken, TRIGGER_WAIT } from "../owner/helpers";
import { burst, clientAddress, midHour, tally, timedCall, viaFrontEnd } from "./limits-support";

const PER_CLIENT = 5;
const GLOBAL = 100;
const BURST = { timeout: 300_000 };
/**
 * Calls in flight at once. The limits are exact upwards (never more than the limit pass); near a
 * limit a request racing others may be refused while within it (store/rate-limits.ts), so the
 * tests check the ceiling and the figures show how close to it a burst got.
 */
const IN_FLIGHT = 10;

function application(email: string) {
  return { name: "Applicant Tester", email, website: "https://applicant.example", promotion: "A weekly newsletter for 3,000 developers." };
}

const applicationOf = async (email: string) => (await db().doc(`applications/${applicationIdOf(email)}`).get()).data();

/** An hour of its own in 2001 for the rate-limit clock, so filling the global cap disturbs no other test. */
function privateHour(): string {
  return new Date(Date.UTC(2001, 0, 1) + randomInt(0, 200_000) * 3_600_000 + 1_800_000).toISOString();
}

describe("apply", () => {
  test("stores an application and nothing else: no Auth user, no affiliate; a repeat is answered the same and changes nothing", async () => {
    const email = `${uniqueId("apply")}@test.example`;
    const client = viaFrontEnd(clientAddress());
    expect(await call("apply", application(email.toUpperCase()), undefined, client)).toMatchObject({ status: 200, data: { ok: true } });
    expect(await applicationOf(email)).toMatchObject({ email, name: "Applicant Tester", website: "https://applicant.example", createdAt: expect.anything() });
    await expect(auth().getUserByEmail(email)).rejects.toMatchObject({ code: "auth/user-not-found" });
    expect((await db().collection("affiliates").where("email", "==", email).get()).empty).toBe(true);

    expect(await call("apply", { ...application(email), name: "Someone Else" }, undefined, client)).toMatchObject({ status: 200, data: { ok: true } });
    expect((await applicationOf(email))?.["name"]).toBe("Applicant Tester");
  });

  test("without an App Check token (a script, not the portal) it is refused and nothing is stored", async () => {
    const email = `${uniqueId("script")}@test.example`;
    expect(await call("apply", application(email), undefined, { ...viaFrontEnd(clientAddress()), "x-firebase-appcheck": "" })).toMatchObject({ error: "UNAUTHENTICATED", message: expect.stringContaining("App Check") });
    expect(await applicationOf(email)).toBeUndefined();
  });

  test("an existing affiliate's email gets the same answer, in about the same time, and keeps their status", async () => {
    const { id, email } = await createAffiliate();
    const client = viaFrontEnd(clientAddress());
    const known = await timedCall("apply", application(email), client);
    const fresh = await timedCall("apply", application(`${uniqueId("new")}@test.example`), client);
    expect(known.result).toEqual(fresh.result);
    expect(Math.min(known.ms, fresh.ms)).toBeGreaterThanOrEqual(950);
    expect((await db().doc(`affiliates/${id}`).get()).get("status")).toBe("active");
  });

  test("the owner approves: Auth user, active affiliate with what they wrote, welcome email, audit; the application is gone", async () => {
    const owner = (await ownerIdToken()).idToken;
    const email = `${uniqueId("approve")}@test.example`;
    await call("apply", application(email), undefined, viaFrontEnd(clientAddress()));
    const applicationId = applicationIdOf(email);
    const approved = await call("approveApplication", { applicationId, note: "Welcome" }, owner);
    expect(approved).toMatchObject({ status: 200, data: { created: true } });
    const uid = (approved.data as { affiliateId: string }).affiliateId;
    expect((await auth().getUserByEmail(email)).uid).toBe(uid);
    expect((await db().doc(`affiliates/${uid}`).get()).data()).toMatchObject({ email, status: "active", name: "Applicant Tester", website: "https://applicant.example" });
    // The owner's note stays in the owner-only document, never on what the affiliate reads.
    expect((await db().doc(`affiliates/${uid}`).get()).get("note")).toBeUndefined();
    expect((await db().doc(`affiliateNotes/${uid}`).get()).data()).toMatchObject({ note: "Welcome" });
    expect(await applicationOf(email)).toBeUndefined();
    await eventually(async () => ((await db().doc(`mail/${mailDocId("welcome-affiliate", uid, `affiliate:${uid}`)}`).get()).exists ? true : undefined), "welcome mail", TRIGGER_WAIT);
    expect(await auditEntries("affiliates", uid)).toEqual([expect.objectContaining({ action: "application.approve", after: expect.objectContaining({ status: "active", email }) })]);
    expect(await call("approveApplication", { applicationId, note: "" }, owner)).toMatchObject({ error: "NOT_FOUND" });
  });

  test("the owner deletes spam in bulk; an affiliate may not", async () => {
    const owner = (await ownerIdToken()).idToken;
    const emails = [0, 1, 2].map(() => `${uniqueId("spam")}@test.example`);
    const client = viaFrontEnd(clientAddress());
    for (const email of emails) await call("apply", application(email), undefined, client);
    const applicationIds = emails.map(applicationIdOf);
    const affiliate = await createAffiliate();
    const idToken = await idTokenFor(affiliate.id);
    expect(await call("deleteApplications", { applicationIds }, idToken)).toMatchObject({ error: "PERMISSION_DENIED" });
    expect(await call("deleteApplications", { applicationIds: [...applicationIds, applicationIdOf("gone@test.example")] }, owner)).toMatchObject({ status: 200, data: { deleted: 3 } });
    for (const email of emails) expect(await applicationOf(email)).toBeUndefined();
  });

  test("a burst from one client with forged addresses stays within its 5 and loses no application from another client", BURST, async () => {
    const client = clientAddress();
    const asOf = midHour();
    const legit = `${uniqueId("legit")}@test.example`;
    const started = performance.now();
    const [requests, other] = await Promise.all([
      burst(30, IN_FLIGHT, (i) => timedCall("apply", { ...application(`${uniqueId("flood")}@test.example`), asOf }, viaFrontEnd(client, [`203.0.113.${i + 1}`]))),
      timedCall("apply", { ...application(legit), asOf }, viaFrontEnd(clientAddress())),
    ]);
    const counts = tally(requests);
    console.log(`[figures] apply burst, one client with 30 forged addresses: ${counts.accepted} accepted, refused ${JSON.stringify(counts.refusedBy)}, in ${Math.round(performance.now() - started)} ms`);
    expect(counts.other).toEqual([]);
    expect(counts.accepted).toBeLessThanOrEqual(PER_CLIENT);
    expect(counts.refusedBy).toEqual({ "apply-client": 30 - counts.accepted });
    expect(other.result.status).toBe(200);
    expect(await applicationOf(legit)).toMatchObject({ email: legit });
  });

  test("many clients together stop at the global cap of 100 an hour; every accepted application is stored", BURST, async () => {
    const asOf = privateHour();
    const clients = Array.from({ length: 30 }, () => clientAddress());
    const emails = Array.from({ length: 110 }, () => `${uniqueId("crowd")}@test.example`);
    const started = performance.now();
    const requests = await burst(110, IN_FLIGHT, (i) => timedCall("apply", { ...application(emails[i] ?? ""), asOf }, viaFrontEnd(clients[i % clients.length] ?? "")));
    const counts = tally(requests);
    console.log(`[figures] apply burst, 110 applications from 30 clients: ${counts.accepted} accepted, refused ${JSON.stringify(counts.refusedBy)}, in ${Math.round(performance.now() - started)} ms`);
    expect(counts.other).toEqual([]);
    expect(counts.accepted).toBeLessThanOrEqual(GLOBAL);
    expect(counts.refusedBy).toEqual({ "apply-all": 110 - counts.accepted });
    const stored = await Promise.all(emails.map(async (email, i) => ((await applicationOf(email)) !== undefined) === (requests[i]?.result.status === 200)));
    expect(stored.every(Boolean)).toBe(true);
  });
});
