// Paddle Billing's sales name a discount by its id only. With PADDLE_API_KEY set, saving an
// affiliate's code asks Paddle (here its stand-in) for the discount with that code and keeps its
// id beside the code, so a sale with it credits the affiliate without the owner copying `dsc_…`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderKeyOf } from "../../../contracts/ids";
import { paddleTransactionCompleted } from "../../../scripts/lib/webhooks";
import { createAffiliate, db, uniqueId } from "../../support/emulator";
import { startVendorApi, type VendorApi } from "../../support/vendor-api";
import { ownerIdToken, saveCode } from "../owner/helpers";
import { deliver, resign, settled, type Json } from "../webhooks/support";

let api: VendorApi;
let owner = "";

beforeAll(async () => {
  api = await startVendorApi();
  owner = (await ownerIdToken()).idToken;
});

afterAll(async () => {
  await api.close();
});

const codeOf = (prefix: string) => uniqueId(prefix).replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40);
const discountIdsOf = async (affiliateId: string) => (await db().doc(`affiliates/${affiliateId}`).get()).get("discountIds") as unknown;

describe("saving a code looks up its Paddle Billing discount", () => {
  it("found: the id is kept and claimed, and a Paddle sale with it is credited to the affiliate by code", async () => {
    const ada = await createAffiliate();
    const code = codeOf("ADA");
    const discountId = uniqueId("dsc_").toLowerCase();
    api.discounts.push({ id: uniqueId("dsc_archived").toLowerCase(), code, status: "archived" }, { id: discountId, code });

    const saved = await saveCode(owner, ada.id, { discountCode: code });
    expect(saved).toMatchObject({ status: 200, data: { paddleDiscountId: discountId, paddleLookup: "found" } });
    expect(await discountIdsOf(ada.id)).toEqual({ paddle: discountId });
    expect(api.log.filter((r) => r.url.startsWith("/paddle/discounts")).at(-1)).toEqual({ url: `/paddle/discounts?code=${code}`, status: 200 });

    const txn = uniqueId("txn_pd");
    const request = resign(paddleTransactionCompleted({ transactionId: txn, totalMinor: 10000, taxMinor: 0, feeMinor: 0, affiliateId: null }), (body) => {
      (body.data as Json).discount_id = discountId;
    });
    await deliver(request, "applied");
    const { order } = await settled(orderKeyOf("paddle", txn));
    expect(order.attribution).toMatchObject({ affiliateId: ada.id, rule: "discount_code", discountCode: code, codeAffiliateId: ada.id });
  });

  it("an id the owner entered is kept as entered, without asking Paddle", async () => {
    const grace = await createAffiliate();
    const code = codeOf("GRACE");
    const entered = uniqueId("dsc_entered").toLowerCase();
    api.discounts.push({ id: uniqueId("dsc_").toLowerCase(), code });
    const asked = api.log.length;
    expect(await saveCode(owner, grace.id, { discountCode: code, paddleDiscountId: entered })).toMatchObject({ status: 200, data: { paddleDiscountId: entered, paddleLookup: "entered" } });
    expect(api.log.slice(asked).filter((r) => r.url.startsWith("/paddle/discounts"))).toEqual([]);
    expect(await discountIdsOf(grace.id)).toEqual({ paddle: entered });
  });

  it("not found, or Paddle not answering: the code is saved without an id and the owner is told", async () => {
    const linus = await createAffiliate();
    const missing = codeOf("NOBODY");
    expect(await saveCode(owner, linus.id, { discountCode: missing })).toMatchObject({ status: 200, data: { paddleDiscountId: null, paddleLookup: "not_found" } });
    expect(await discountIdsOf(linus.id)).toEqual({});

    const code = codeOf("LATER");
    api.discounts.push({ id: uniqueId("dsc_").toLowerCase(), code });
    api.failures.push({ match: /^\/paddle\/discounts/, status: 503, times: 1 });
    expect(await saveCode(owner, linus.id, { discountCode: code })).toMatchObject({ status: 200, data: { paddleDiscountId: null, paddleLookup: "failed" } });
    expect((await db().doc(`affiliates/${linus.id}`).get()).get("discountCode")).toBe(code);
    expect(await discountIdsOf(linus.id)).toEqual({});
  });
});
