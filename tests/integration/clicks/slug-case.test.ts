// Slugs are stored lower case but typed by hand in any case. A link, a beacon and a sale naming the
// same slug in mixed case go through one lookup (store/affiliates findAffiliate), so all three count
// for the affiliate it belongs to: the click was once missed while the sale was credited.
import { describe, expect, test } from "vitest";
import { orderKeyOf } from "../../../contracts/ids";
import { fakeVisitors, getRedirect, postBeacon, settledTotals } from "../../../scripts/lib/clicks";
import { lemonSqueezyEvent } from "../../../scripts/lib/webhooks";
import { createAffiliate, db } from "../../support/emulator";
import { ledgerCaughtUp, orderNumber, postOk } from "../order-support";

describe("a slug typed in mixed case", () => {
  test("is counted on a beacon and a redirect, and credited on a sale, for the affiliate it names", async () => {
    const { id } = await createAffiliate();
    const slug = `ada-${id.slice(-8)}`;
    const typed = `Ada-${id.slice(-8).toUpperCase()}`;
    expect(typed).not.toBe(slug);
    await db().doc(`slugs/${slug}`).set({ affiliateId: id });

    const [reader, clicker] = fakeVisitors(2);
    if (!reader || !clicker) throw new Error("no visitors");
    expect((await postBeacon(reader, typed)).status).toBe(204);
    const redirect = await getRedirect(clicker, `/r/${typed}/typescript`);
    expect(redirect.status).toBe(302);
    expect(new URL(redirect.headers.get("location") ?? "").searchParams.get("affiliateId")).toBe(id);
    expect(await settledTotals(db(), id, 2)).toMatchObject({ clicks: 2, uniques: 2 });

    const orderId = orderNumber();
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: typed, subtotalMinor: 9700 }));
    const order = await ledgerCaughtUp(orderKeyOf("lemonsqueezy", orderId));
    expect(order.affiliateId).toBe(id);
    expect(order.attribution).toMatchObject({ affiliateId: id, candidate: typed, reason: null });
    await db().doc(`slugs/${slug}`).delete();
  });
});
