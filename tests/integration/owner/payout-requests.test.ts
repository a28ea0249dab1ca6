import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { createAffiliate, db, eventually } from "../../support/emulator";
import { call, daysAgo, idTokenFor, OWNER_EMAIL, ownerIdToken, sale, TRIGGER_WAIT } from "./helpers";

let owner: { uid: string; idToken: string };

beforeAll(async () => {
  owner = await ownerIdToken();
});

async function requestMails(affiliateId: string) {
  const snap = await db().collection("mail").where("kind", "==", "payout-request").get();
  return snap.docs.filter((d) => String(d.get("subjectKey")).startsWith(`${affiliateId}_`)).map((d) => d.data());
}

describe("payout requests", () => {
  test("over the threshold an affiliate asks once: request and owner mail together, a repeat changes nothing, the payout closes it", async () => {
    const { id, email } = await createAffiliate({ rateBps: 5000 });
    const token = await idTokenFor(id);
    // Nothing payable yet: refused, nothing written.
    const early = await call("requestPayout", { currency: "USD" }, token);
    expect(early).toMatchObject({ status: 400, error: "FAILED_PRECONDITION", details: { reason: "below-threshold", amountMinor: 0 } });
    expect((await db().doc(`payoutRequests/${id}_USD`).get()).exists).toBe(false);

    await sale({ affiliateId: id, subtotalMinor: 9_900, createdAt: daysAgo(45) });
    await sale({ affiliateId: id, subtotalMinor: 10_100, createdAt: daysAgo(40) });
    // The ledger follows the order trigger: ask until the matured 100.00 is payable.
    const first = await eventually(async () => {
      const r = await call("requestPayout", { currency: "USD" }, token);
      return r.status === 200 ? r : undefined;
    }, "request accepted", TRIGGER_WAIT);
    expect(first.data).toEqual({ requestId: `${id}_USD`, created: true, amountMinor: 10_000 });
    const stored = (await db().doc(`payoutRequests/${id}_USD`).get()).data();
    expect(stored).toMatchObject({ affiliateId: id, currency: "USD", amountMinor: 10_000, status: "open", closedAt: null, payoutId: null });

    const mails = await requestMails(id);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.["to"]).toContain(OWNER_EMAIL);
    const message = mails[0]?.["message"] as { subject: string; text: string; html: string };
    expect(message.subject).toContain("$100.00");
    expect(message.text).toContain(`Pay to: ${email}`);
    expect(message.html.startsWith("<!DOCTYPE html>")).toBe(true);

    const again = await call("requestPayout", { currency: "USD" }, token);
    expect(again).toMatchObject({ status: 200, data: { created: false, amountMinor: 10_000 } });
    expect(await requestMails(id)).toHaveLength(1);

    const paid = await call("recordPayout", { affiliateId: id, currency: "USD", method: "PayPal", reference: "", idempotencyKey: randomUUID() }, owner.idToken);
    expect(paid.status).toBe(200);
    const payoutId = (paid.data as { payoutId: string }).payoutId;
    expect((await db().doc(`payoutRequests/${id}_USD`).get()).data()).toMatchObject({ status: "paid", payoutId });
  });

  test("only a signed-in, active affiliate may ask; the input is checked", async () => {
    const pending = await createAffiliate({ status: "pending" });
    expect(await call("requestPayout", { currency: "USD" })).toMatchObject({ status: 401, error: "UNAUTHENTICATED" });
    expect(await call("requestPayout", { currency: "USD" }, await idTokenFor(pending.id))).toMatchObject({ status: 403, error: "PERMISSION_DENIED" });
    const active = await createAffiliate();
    const token = await idTokenFor(active.id);
    expect(await call("requestPayout", { currency: "XTS" }, token)).toMatchObject({ status: 400, error: "INVALID_ARGUMENT" });
    expect(await call("requestPayout", { currency: "USD", amountMinor: 1 }, token)).toMatchObject({ status: 400, error: "INVALID_ARGUMENT" });
    expect((await db().doc(`payoutRequests/${pending.id}_USD`).get()).exists).toBe(false);
  });
});
