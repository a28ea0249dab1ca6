import { orderKeyOf } from "../../../contracts/ids";
import { beforeAll, describe, expect, test } from "vitest";
import { lemonSqueezyEvent, post } from "../../../scripts/lib/webhooks";
import { createAffiliate, db, eventually } from "../../support/emulator";
import { auditEntries, call, daysAgo, ownerIdToken, sale, TRIGGER_WAIT, uniqueOrderId } from "./helpers";

let owner: { uid: string; idToken: string };

beforeAll(async () => {
  owner = await ownerIdToken();
});

describe("re-attribution", () => {
  test("crediting an unattributed order makes its commission appear for the affiliate, audited", async () => {
    const { id } = await createAffiliate();
    const orderKey = await sale({ affiliateId: null, subtotalMinor: 12_000, createdAt: daysAgo(3) });
    const before = (await db().doc(`orders/${orderKey}`).get()).data();
    expect(before).toMatchObject({ affiliateId: null, commissionMinor: 0, attribution: { reason: "missing" } });
    expect((await db().doc(`commissions/${orderKey}`).get()).exists).toBe(false);

    const result = await call("reattributeOrder", { orderKey, affiliateId: id }, owner.idToken);
    expect(result).toMatchObject({ status: 200, data: { orderKey, affiliateId: id, currency: "USD" } });

    const order = (await db().doc(`orders/${orderKey}`).get()).data();
    const rateBps = order?.rateBps as number;
    const expected = (12_000 * rateBps) / 10_000; // exact for these round figures
    expect(order).toMatchObject({ affiliateId: id, commissionMinor: expected, attribution: { rule: "manual", affiliateId: id, by: owner.uid } });
    // The order trigger writes the projection and the ledger.
    const commission = await eventually(async () => (await db().doc(`commissions/${orderKey}`).get()).data(), "commission", TRIGGER_WAIT);
    expect(commission).toMatchObject({ affiliateId: id, commissionMinor: expected, status: "pending" });
    const ledgers = await eventually(async () => {
      const snap = await db().collection("ledgers").where("affiliateId", "==", id).get();
      return snap.empty ? undefined : snap.docs.map((d) => d.data());
    }, "ledger", TRIGGER_WAIT);
    expect(ledgers.reduce((sum, l) => sum + Number(l.earnedMinor), 0)).toBe(expected);

    const audit = await auditEntries("orders", orderKey);
    expect(audit).toEqual([
      expect.objectContaining({
        action: "reattributeOrder",
        before: expect.objectContaining({ affiliateId: null, commissionMinor: 0 }),
        after: expect.objectContaining({ affiliateId: id, commissionMinor: expected }),
      }),
    ]);
  }, 180_000);

  test("moving an order between affiliates moves the commission; inactive targets and unknown orders are refused", async () => {
    const first = await createAffiliate();
    const second = await createAffiliate();
    const pending = await createAffiliate({ status: "pending" });
    const orderKey = await sale({ affiliateId: first.id, subtotalMinor: 8_000, createdAt: daysAgo(2) });

    expect(await call("reattributeOrder", { orderKey, affiliateId: pending.id }, owner.idToken)).toMatchObject({ error: "FAILED_PRECONDITION" });
    expect(await call("reattributeOrder", { orderKey: "lemonsqueezy_0000nope", affiliateId: second.id }, owner.idToken)).toMatchObject({ error: "NOT_FOUND" });

    expect(await call("reattributeOrder", { orderKey, affiliateId: second.id }, owner.idToken)).toMatchObject({ status: 200 });
    await eventually(async () => ((await db().doc(`commissions/${orderKey}`).get()).get("affiliateId") === second.id ? true : undefined), "projection moved", TRIGGER_WAIT);
    const firstLedgers = await db().collection("ledgers").where("affiliateId", "==", first.id).get();
    expect(firstLedgers.docs.reduce((sum, d) => sum + Number(d.get("earnedMinor")), 0)).toBe(0);
  }, 180_000);
});

describe("self-referral approval", () => {
  test("releases a flagged commission to pending, audited", async () => {
    const { id, email } = await createAffiliate();
    const orderId = uniqueOrderId();
    await post(lemonSqueezyEvent("order_created", { orderId, affiliateId: id, subtotalMinor: 6_000, email, createdAt: daysAgo(1) }));
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    const flagged = await eventually(async () => {
      const c = (await db().doc(`commissions/${orderKey}`).get()).data();
      return c?.status === "flagged" ? c : undefined;
    }, "flagged commission", TRIGGER_WAIT);
    expect(flagged).toMatchObject({ affiliateId: id });

    expect(await call("approveSelfReferral", { orderKey }, owner.idToken)).toMatchObject({ status: 200, data: { flagApproved: true } });
    await eventually(async () => ((await db().doc(`commissions/${orderKey}`).get()).get("status") === "pending" ? true : undefined), "approved commission", TRIGGER_WAIT);
    expect(await auditEntries("orders", orderKey)).toEqual([expect.objectContaining({ action: "approveSelfReferral" })]);

    const plain = await sale({ affiliateId: id, subtotalMinor: 1_000, createdAt: daysAgo(1) });
    expect(await call("approveSelfReferral", { orderKey: plain }, owner.idToken)).toMatchObject({ error: "FAILED_PRECONDITION" });
  }, 180_000);
});
