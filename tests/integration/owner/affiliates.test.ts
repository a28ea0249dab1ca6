import { beforeAll, describe, expect, test } from "vitest";
import { mailDocId } from "../../../functions/src/emails/mail-doc";
import { auth, createAffiliate, db, eventually, uniqueId } from "../../support/emulator";
import { auditEntries, call, ownerIdToken, TRIGGER_WAIT } from "./helpers";

let owner: string;

beforeAll(async () => {
  owner = (await ownerIdToken()).idToken;
});

const welcomeMailId = (affiliateId: string) => mailDocId("welcome-affiliate", affiliateId, `affiliate:${affiliateId}`);

async function mailOf(id: string) {
  return eventually(async () => {
    const snap = await db().doc(`mail/${id}`).get();
    return snap.exists ? snap.data() : undefined;
  }, `mail ${id}`, TRIGGER_WAIT);
}

describe("review", () => {
  test("approving a pending application sends the welcome email once, with an audit entry", async () => {
    const { id, email } = await createAffiliate({ status: "pending" });
    expect(await call("setAffiliateStatus", { affiliateId: id, action: "approve", note: "Welcome aboard" }, owner)).toMatchObject({ status: 200, data: { status: "active" } });
    const affiliate = (await db().doc(`affiliates/${id}`).get()).data();
    expect(affiliate).toMatchObject({ status: "active" });
    // The note is the owner's: it lives beside the affiliate document, never in it (the affiliate reads that one).
    expect(affiliate).not.toHaveProperty("note");
    expect(affiliate).not.toHaveProperty("reviewedBy");
    expect((await db().doc(`affiliateNotes/${id}`).get()).data()).toMatchObject({ note: "Welcome aboard" });
    const mail = await mailOf(welcomeMailId(id));
    expect(mail).toMatchObject({ to: [email], kind: "welcome-affiliate" });
    expect(String((mail as { message: { text: string } }).message.text)).toContain(`sign in with ${email}`);
    expect(await auditEntries("affiliates", id)).toEqual([
      expect.objectContaining({ action: "affiliate.approve", before: { status: "pending" }, after: { status: "active", note: "Welcome aboard" }, by: expect.objectContaining({ email: "owner@demo.test" }) }),
    ]);
    // Approving again is refused (no second email either).
    expect(await call("setAffiliateStatus", { affiliateId: id, action: "approve", note: "" }, owner)).toMatchObject({ status: 400, error: "FAILED_PRECONDITION" });
  });

  test("reject keeps the note and sends nothing; disable and enable follow the allowed transitions", async () => {
    const pending = await createAffiliate({ status: "pending" });
    expect(await call("setAffiliateStatus", { affiliateId: pending.id, action: "reject", note: "Not a fit" }, owner)).toMatchObject({ status: 200, data: { status: "rejected" } });
    expect((await db().doc(`affiliates/${pending.id}`).get()).data()).toMatchObject({ status: "rejected" });
    expect((await db().doc(`affiliateNotes/${pending.id}`).get()).get("note")).toBe("Not a fit");

    const active = await createAffiliate();
    expect(await call("setAffiliateStatus", { affiliateId: active.id, action: "disable", note: "Spam" }, owner)).toMatchObject({ data: { status: "disabled" } });
    expect(await call("setAffiliateStatus", { affiliateId: active.id, action: "reject", note: "" }, owner)).toMatchObject({ error: "FAILED_PRECONDITION" });
    expect(await call("setAffiliateStatus", { affiliateId: active.id, action: "enable", note: "Cleared" }, owner)).toMatchObject({ data: { status: "active" } });
    expect(await call("setAffiliateStatus", { affiliateId: "aff_doesnotexist", action: "disable", note: "" }, owner)).toMatchObject({ error: "NOT_FOUND" });
    expect((await db().doc(`mail/${welcomeMailId(pending.id)}`).get()).exists).toBe(false);
  });

  test("inviting creates an active affiliate and sends the welcome email", async () => {
    const email = `${uniqueId("invite")}@test.example`;
    const result = await call("inviteAffiliate", { email, name: "Invited Tester", note: "Met at a conference" }, owner);
    expect(result).toMatchObject({ status: 200, data: { created: true } });
    const affiliateId = (result.data as { affiliateId: string }).affiliateId;
    expect((await auth().getUserByEmail(email)).uid).toBe(affiliateId);
    expect((await db().doc(`affiliates/${affiliateId}`).get()).data()).toMatchObject({ email, status: "active", name: "Invited Tester" });
    expect(await mailOf(welcomeMailId(affiliateId))).toMatchObject({ to: [email] });
    expect(await call("inviteAffiliate", { email, name: "Invited Tester" }, owner)).toMatchObject({ data: { affiliateId, created: false } });
  });
});

describe("terms", () => {
  test("rate, cookie window, discount code and a unique slug", async () => {
    const a = await createAffiliate();
    const b = await createAffiliate();
    const slug = uniqueId("slug-").toLowerCase();
    const terms = { affiliateId: a.id, rateBps: 3500, cookieDays: 60, discountCode: "ADA10", slug: slug.toUpperCase(), note: "VIP" };
    expect(await call("updateAffiliate", terms, owner)).toMatchObject({ status: 200 });
    const stored = (await db().doc(`affiliates/${a.id}`).get()).data();
    expect(stored).toMatchObject({ rateBps: 3500, cookieDays: 60, discountCode: "ADA10", slug });
    expect(stored).not.toHaveProperty("note");
    expect((await db().doc(`affiliateNotes/${a.id}`).get()).get("note")).toBe("VIP");
    expect((await db().doc(`slugs/${slug}`).get()).data()).toMatchObject({ affiliateId: a.id });

    // Taken by a: refused for b. Saving a's own slug again is fine.
    expect(await call("updateAffiliate", { ...terms, affiliateId: b.id }, owner)).toMatchObject({ status: 409, error: "ALREADY_EXISTS" });
    expect(await call("updateAffiliate", { ...terms, rateBps: null }, owner)).toMatchObject({ status: 200 });
    expect((await db().doc(`affiliates/${a.id}`).get()).get("rateBps")).toBeNull();
  });

  test("a recurring-payments policy of the affiliate's own, or the program's (null), and nothing that is not a policy", async () => {
    const a = await createAffiliate();
    const terms = { affiliateId: a.id, rateBps: null, cookieDays: null, discountCode: null, slug: null, note: "" };
    expect(await call("updateAffiliate", { ...terms, recurringPolicy: { kind: "months", limit: 12 } }, owner)).toMatchObject({ status: 200 });
    expect((await db().doc(`affiliates/${a.id}`).get()).get("recurringPolicy")).toEqual({ kind: "months", limit: 12 });
    for (const bad of [{ kind: "months" }, { kind: "payments", limit: 0 }, { kind: "forever" }, { kind: "every", limit: 3 }]) {
      expect(await call("updateAffiliate", { ...terms, recurringPolicy: bad }, owner)).toMatchObject({ status: 400 });
    }
    expect((await db().doc(`affiliates/${a.id}`).get()).get("recurringPolicy")).toEqual({ kind: "months", limit: 12 });
    expect(await call("updateAffiliate", { ...terms, recurringPolicy: null }, owner)).toMatchObject({ status: 200 });
    expect((await db().doc(`affiliates/${a.id}`).get()).get("recurringPolicy")).toBeNull();
  });
});
