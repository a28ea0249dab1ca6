// Per-course rates through the owner's callables and the real webhook endpoint: each level of the
// precedence (affiliate and course, affiliate, course, program) decides the rate snapshotted on a
// sale, and the order says which one did.
import { beforeAll, describe, expect, it } from "vitest";
import { orderKeyOf } from "../../../contracts/ids";
import { paddleTransactionCompleted } from "../../../scripts/lib/webhooks";
import { createAffiliate, uniqueId } from "../../support/emulator";
import { call, ownerIdToken } from "../owner/helpers";
import { deliver, readSettings, settled } from "./support";

let owner = "";
beforeAll(async () => {
  owner = (await ownerIdToken()).idToken;
});

async function saveCourse(id: string, productId: string, rateBps: number | null) {
  const course = { name: `Course ${id}`, siteUrl: "https://courses.example/ts", productIds: { paddle: [productId], "paddle-classic": [], lemonsqueezy: [] }, rateBps };
  expect(await call("saveCourse", { id, course }, owner)).toMatchObject({ status: 200 });
}

async function setRates(affiliateId: string, rateBps: number | null, courseRates: Record<string, number>) {
  const terms = { affiliateId, rateBps, cookieDays: null, slug: null, discountCode: null, discountIds: { paddle: null }, codeOnlyApproval: false, courseRates };
  expect(await call("updateAffiliate", terms, owner)).toMatchObject({ status: 200 });
}

async function sell(affiliateId: string, productId: string) {
  const txn = uniqueId("txn_cr");
  await deliver(paddleTransactionCompleted({ transactionId: txn, totalMinor: 10000, taxMinor: 0, feeMinor: 0, affiliateId, productId }), "applied");
  return (await settled(orderKeyOf("paddle", txn))).order;
}

describe("per-course rates: affiliate and course, then affiliate, then course, then program", () => {
  it("snapshots each level's rate with its source, and a course rate set a moment ago applies at once", async () => {
    const courseId = uniqueId("course-").toLowerCase();
    const productId = uniqueId("pro_cr");
    const plainProduct = uniqueId("pro_plain");
    await saveCourse(courseId, productId, 3000);
    const { defaultRateBps } = await readSettings();

    const courseOnly = await createAffiliate();
    const ownRate = await createAffiliate();
    const both = await createAffiliate();
    await setRates(ownRate.id, 2000, {});
    await setRates(both.id, 2000, { [courseId]: 4000 });

    const [course, affiliate, affiliateCourse, program, bothElsewhere] = await Promise.all([
      sell(courseOnly.id, productId),
      sell(ownRate.id, productId),
      sell(both.id, productId),
      sell(courseOnly.id, plainProduct),
      sell(both.id, plainProduct),
    ]);
    expect(affiliateCourse).toMatchObject({ rateBps: 4000, rateSource: "affiliate_course", courseId, commissionMinor: 4000 });
    expect(affiliate).toMatchObject({ rateBps: 2000, rateSource: "affiliate", courseId, commissionMinor: 2000 });
    expect(course).toMatchObject({ rateBps: 3000, rateSource: "course", courseId, commissionMinor: 3000 });
    expect(program).toMatchObject({ rateBps: defaultRateBps, rateSource: "program", courseId: null });
    expect(bothElsewhere).toMatchObject({ rateBps: 2000, rateSource: "affiliate" });

    // The rate is the one of the moment the sale was first seen: a new course rate moves only later sales.
    await saveCourse(courseId, productId, 1000);
    expect(await sell(courseOnly.id, productId)).toMatchObject({ rateBps: 1000, rateSource: "course" });
    const again = await settled(orderKeyOf("paddle", course.orderId));
    expect(again.order).toMatchObject({ rateBps: 3000, rateSource: "course" });
  });

  it("refuses a course or affiliate-course rate outside 0–100%", async () => {
    const a = await createAffiliate();
    const course = { name: "Bad", siteUrl: "https://courses.example/x", productIds: { paddle: [], "paddle-classic": [], lemonsqueezy: [] }, rateBps: 10_001 };
    expect(await call("saveCourse", { id: uniqueId("bad-").toLowerCase(), course }, owner)).toMatchObject({ status: 400, error: "INVALID_ARGUMENT" });
    const terms = { affiliateId: a.id, rateBps: null, cookieDays: null, slug: null, discountCode: null, courseRates: { "some-course": -1 } };
    expect(await call("updateAffiliate", terms, owner)).toMatchObject({ status: 400, error: "INVALID_ARGUMENT" });
  });
});
