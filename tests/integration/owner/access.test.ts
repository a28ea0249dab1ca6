import { beforeAll, describe, expect, test } from "vitest";
import { auth, createAffiliate } from "../../support/emulator";
import { call, idTokenFor, ownerIdToken } from "./helpers";

// Every owner callable refuses the unauthenticated and affiliates, and validates its input.
const OWNER_CALLABLES: Array<[string, unknown]> = [
  ["inviteAffiliate", { email: "someone@test.example", name: "Someone" }],
  ["setAffiliateStatus", { affiliateId: "aff_nobody", action: "approve", note: "" }],
  ["updateAffiliate", { affiliateId: "aff_nobody", rateBps: 1000, cookieDays: null, discountCode: null, slug: null }],
  ["saveProgramSettings", { name: "Hijacked", defaultRateBps: 10000 }],
  ["saveCourse", { id: "hijack", course: { name: "Hijack", siteUrl: "https://evil.example" } }],
  ["reattributeOrder", { orderKey: "lemonsqueezy_1", affiliateId: "aff_nobody" }],
  ["approveSelfReferral", { orderKey: "lemonsqueezy_1" }],
  ["replayWebhookEvent", { eventId: "paddle_evt_nobody" }],
  ["payableNow", {}],
  ["recordPayout", { affiliateId: "aff_nobody", currency: "USD", method: "PayPal", reference: "", idempotencyKey: "key-0000001" }],
];

let owner: string;
let affiliate: string;

beforeAll(async () => {
  owner = (await ownerIdToken()).idToken;
  affiliate = await idTokenFor((await createAffiliate()).id);
});

describe("owner callables", () => {
  test.each(OWNER_CALLABLES)("%s refuses an unauthenticated caller", async (name, data) => {
    expect(await call(name, data)).toMatchObject({ status: 401, error: "UNAUTHENTICATED" });
  });

  test.each(OWNER_CALLABLES)("%s refuses an active affiliate", async (name, data) => {
    expect(await call(name, data, affiliate)).toMatchObject({ status: 403, error: "PERMISSION_DENIED" });
  });

  test.each([
    ["inviteAffiliate", { email: "not-an-email", name: "X" }],
    ["setAffiliateStatus", { affiliateId: "aff_x00", action: "promote" }],
    ["updateAffiliate", { affiliateId: "aff_x00", rateBps: 10001, cookieDays: null, discountCode: null, slug: null }],
    ["updateAffiliate", { affiliateId: "aff_x00", rateBps: null, cookieDays: null, discountCode: null, slug: "Not A Slug!" }],
    ["saveProgramSettings", { defaultRateBps: 1.5 }],
    ["saveProgramSettings", { payoutThresholdMinor: 100, extra: true }],
    ["saveCourse", { id: "Bad/Id", course: { name: "X", siteUrl: "https://x.example" } }],
    ["saveCourse", { id: "ok", course: { name: "X", siteUrl: "javascript:alert(1)" } }],
    ["reattributeOrder", { orderKey: "a/b", affiliateId: "aff_x00" }],
    ["approveSelfReferral", {}],
    ["replayWebhookEvent", { eventId: "a/b" }],
    ["payableNow", { asOf: "yesterday" }],
    ["recordPayout", { affiliateId: "aff_x00", currency: "usd", method: "PayPal", idempotencyKey: "key-0000001" }],
    ["recordPayout", { affiliateId: "aff_x00", currency: "USD", method: "PayPal" }],
  ])("%s refuses invalid input %j", async (name, data) => {
    expect(await call(name, data, owner)).toMatchObject({ status: 400, error: "INVALID_ARGUMENT" });
  });

  test("an owner claim on a user whose email is not in OWNER_EMAILS is refused", async () => {
    const { id } = await createAffiliate();
    // E.g. a claim left over after the owner list changed: the configured list decides.
    await auth().setCustomUserClaims(id, { owner: true });
    expect(await call("payableNow", {}, await idTokenFor(id))).toMatchObject({ status: 403, error: "PERMISSION_DENIED" });
  });
});

describe("apply", () => {
  test("is public but validates its input", async () => {
    expect(await call("apply", { name: "X", email: "x@test.example", website: "nope", promotion: "short" })).toMatchObject({ status: 400, error: "INVALID_ARGUMENT" });
  });
});
