import { describe, expect, test } from "vitest";
import { createAffiliate, db, eventually } from "../../support/emulator";
import { auditEntries, idTokenFor, TRIGGER_WAIT } from "../owner/helpers";

// Issue 12.4: a payout email change, made the way the portal makes it (a client write under the
// rules, here through Firestore's REST API with the affiliate's ID token), is told to the sign-in
// address and audited; an address the mails would drop is refused by the rules.
const FIRESTORE = `http://${process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080"}`;
const PROJECT = process.env.GCLOUD_PROJECT ?? "demo-affiliates";

async function setPayoutEmail(affiliateId: string, idToken: string, payoutEmail: string): Promise<number> {
  const url = `${FIRESTORE}/v1/projects/${PROJECT}/databases/(default)/documents/affiliates/${affiliateId}?updateMask.fieldPaths=payoutEmail`;
  const response = await fetch(url, {
    method: "PATCH",
    headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
    body: JSON.stringify({ fields: { payoutEmail: { stringValue: payoutEmail } } }),
  });
  return response.status;
}

async function changeMails(signInEmail: string): Promise<Array<Record<string, unknown>>> {
  const snap = await db().collection("mail").where("to", "array-contains", signInEmail).get();
  return snap.docs.map((d) => d.data()).filter((m) => m.kind === "payout-email-changed");
}

describe("payout email changes", () => {
  test("the sign-in address gets a mail naming both addresses, and the audit trail records the change", async () => {
    const affiliate = await createAffiliate();
    const token = await idTokenFor(affiliate.id);
    expect(await setPayoutEmail(affiliate.id, token, "elsewhere@test.example")).toBe(200);

    const [mail] = await eventually(async () => {
      const mails = await changeMails(affiliate.email);
      return mails.length > 0 ? mails : undefined;
    }, "payout-email-changed mail", TRIGGER_WAIT);
    expect(mail).toMatchObject({ to: [affiliate.email] });
    expect(JSON.stringify(mail)).toContain("elsewhere@test.example");

    const entries = await eventually(async () => {
      const all = (await auditEntries("affiliates", affiliate.id)).filter((e) => e.action === "affiliate.payoutEmail");
      return all.length > 0 ? all : undefined;
    }, "audit entry", TRIGGER_WAIT);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      by: { uid: affiliate.id, email: affiliate.email },
      before: { payoutEmail: affiliate.email },
      after: { payoutEmail: "elsewhere@test.example" },
    });
  });

  test('"a@b.c,x" is refused by the rules, so nothing is saved that the mails would drop', async () => {
    const affiliate = await createAffiliate();
    const token = await idTokenFor(affiliate.id);
    expect(await setPayoutEmail(affiliate.id, token, "a@b.c,x")).toBe(403);
    expect((await db().doc(`affiliates/${affiliate.id}`).get()).get("payoutEmail")).toBe(affiliate.email);
  });
});
