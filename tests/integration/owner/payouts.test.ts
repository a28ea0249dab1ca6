import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { mailDocId } from "../../../functions/src/emails/mail-doc";
import { createAffiliate, db, eventually } from "../../support/emulator";
import { auditEntries, call, daysAgo, ownerIdToken, sale, TRIGGER_WAIT } from "./helpers";

let owner: { uid: string; idToken: string };

beforeAll(async () => {
  owner = await ownerIdToken();
});

async function commissionOf(orderKey: string): Promise<number> {
  return Number((await db().doc(`orders/${orderKey}`).get()).get("commissionMinor"));
}

async function payableFor(affiliateId: string, asOf?: string) {
  const result = await call("payableNow", asOf ? { asOf } : {}, owner.idToken);
  expect(result.status).toBe(200);
  const rows = (result.data as { rows: Array<{ affiliateId: string; currency: string; payableMinor: number; payoutEmail: string; name: string }> }).rows;
  return rows.filter((r) => r.affiliateId === affiliateId);
}

describe("payouts", () => {
  test("record a payout for matured commissions: payout doc, orders paid, payout email, and the same key records nothing new", async () => {
    const { id, email, name } = await createAffiliate({ rateBps: 5000 });
    // Sales dated 45 and 40 days ago are past the 30-day refund window; the one from 2 days ago is not.
    const old1 = await sale({ affiliateId: id, subtotalMinor: 9_900, createdAt: daysAgo(45) });
    const old2 = await sale({ affiliateId: id, subtotalMinor: 10_100, createdAt: daysAgo(40) });
    const fresh = await sale({ affiliateId: id, subtotalMinor: 20_000, createdAt: daysAgo(2) });
    const matured = (await commissionOf(old1)) + (await commissionOf(old2));
    expect(matured).toBe(4_950 + 5_050); // half-even on exact halves

    const rows = await eventually(async () => {
      const r = await payableFor(id);
      return r[0]?.payableMinor === matured ? r : undefined;
    }, "payable row", TRIGGER_WAIT);
    expect(rows).toEqual([expect.objectContaining({ currency: "USD", payableMinor: matured, payoutEmail: email, name })]);

    const key = randomUUID();
    const request = { affiliateId: id, currency: "USD", method: "PayPal", reference: "PP-123", idempotencyKey: key };
    const result = await call("recordPayout", request, owner.idToken);
    expect(result).toMatchObject({ status: 200, data: { created: true, amountMinor: matured, orderCount: 2 } });
    const payoutId = (result.data as { payoutId: string }).payoutId;

    const payout = (await db().doc(`payouts/${payoutId}`).get()).data();
    expect(payout).toMatchObject({ affiliateId: id, currency: "USD", amountMinor: matured, method: "PayPal", reference: "PP-123" });
    // The affiliate reads this document: who recorded it is kept in the owner-only audit trail instead.
    expect(payout).not.toHaveProperty("createdBy");
    expect(payout).not.toHaveProperty("createdByEmail");
    expect(await auditEntries("payouts", payoutId)).toEqual([
      expect.objectContaining({ action: "recordPayout", by: { uid: owner.uid, email: "owner@demo.test" }, after: expect.objectContaining({ amountMinor: matured }) }),
    ]);
    expect([...(payout?.orderKeys as string[])].sort()).toEqual([old1, old2].sort());

    for (const key of [old1, old2]) {
      const order = (await db().doc(`orders/${key}`).get()).data();
      expect(order?.payouts).toEqual({ [payoutId]: order?.commissionMinor });
      expect(order?.paidOutMinor).toBe(order?.commissionMinor);
      await eventually(async () => ((await db().doc(`commissions/${key}`).get()).get("status") === "paid" ? true : undefined), `paid ${key}`, TRIGGER_WAIT);
    }
    expect((await db().doc(`orders/${fresh}`).get()).get("payouts")).toEqual({});

    const mailId = mailDocId("payout-affiliate", payoutId, `affiliate:${id}`);
    const mail = await eventually(async () => (await db().doc(`mail/${mailId}`).get()).data(), "payout mail", TRIGGER_WAIT);
    expect(mail).toMatchObject({ to: [email], kind: "payout-affiliate" });

    // Nothing is payable any more; the ledger dropped the paid remainders.
    await eventually(async () => ((await payableFor(id)).length === 0 ? true : undefined), "payable cleared", TRIGGER_WAIT);

    // The same idempotency key again: the same payout, nothing new written.
    const again = await call("recordPayout", request, owner.idToken);
    expect(again).toMatchObject({ status: 200, data: { payoutId, created: false, amountMinor: matured } });
    expect((await db().collection("payouts").where("affiliateId", "==", id).get()).size).toBe(1);
    expect((await db().doc(`orders/${old1}`).get()).get("payouts")).toEqual({ [payoutId]: await commissionOf(old1) });

    // A new key finds nothing matured; a paid order can no longer be re-attributed.
    expect(await call("recordPayout", { ...request, idempotencyKey: randomUUID() }, owner.idToken)).toMatchObject({ error: "FAILED_PRECONDITION" });
    const other = await createAffiliate();
    expect(await call("reattributeOrder", { orderKey: old1, affiliateId: other.id }, owner.idToken)).toMatchObject({ error: "FAILED_PRECONDITION" });

    // The test clock (emulator only): 40 days on, the fresh sale has matured too.
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString();
    expect((await payableFor(id, later))[0]?.payableMinor).toBe(await commissionOf(fresh));
    const second = await call("recordPayout", { ...request, idempotencyKey: randomUUID(), asOf: later }, owner.idToken);
    expect(second).toMatchObject({ status: 200, data: { created: true, amountMinor: 10_000, orderCount: 1 } });
  }, 300_000);

  test("refuses amounts below the payout threshold", async () => {
    const { id } = await createAffiliate({ rateBps: 1000 });
    await sale({ affiliateId: id, subtotalMinor: 1_000, createdAt: daysAgo(45) });
    const result = await call("recordPayout", { affiliateId: id, currency: "USD", method: "Wise", reference: "", idempotencyKey: randomUUID() }, owner.idToken);
    expect(result).toMatchObject({ status: 400, error: "FAILED_PRECONDITION" });
    expect((await db().collection("payouts").where("affiliateId", "==", id).get()).size).toBe(0);
    expect(await payableFor(id)).toEqual([]);
  }, 120_000);
});
