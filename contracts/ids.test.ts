import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AFFILIATE_ID } from "./affiliates.js";
import { clickStatsKeyOf, customerKeyOf, isDocumentId, ledgerKeyOf, orderKeyOf, payoutLockKeyOf, visitKeyOf, webhookEventKeyOf } from "./ids.js";

describe("document ids", () => {
  it("order and customer keys put the platform first and never hold a slash", () => {
    expect(orderKeyOf("lemonsqueezy", "123")).toBe("lemonsqueezy_123");
    expect(orderKeyOf("paddle-classic", "a/b")).toBe("paddle-classic_a_b");
    expect(customerKeyOf("paddle", "ctm_01/x")).toBe("paddle_ctm_01_x");
  });

  it("webhook event keys keep to a safe alphabet and length", () => {
    expect(webhookEventKeyOf("paddle", "evt_01h")).toBe("paddle_evt_01h");
    expect(webhookEventKeyOf("lemonsqueezy", "a b/c#d")).toBe("lemonsqueezy_a_b_c_d");
    expect(webhookEventKeyOf("paddle", "x".repeat(300))).toHaveLength(200);
  });

  it("ledger, lock, visitor and click-stats ids match what the portal and rules read", () => {
    expect(ledgerKeyOf({ affiliateId: "alice_01", currency: "USD", shard: 3 })).toBe("alice_01_USD_3");
    expect(payoutLockKeyOf("alice_01", "EUR")).toBe("alice_01_EUR");
    expect(visitKeyOf("alice01", "2026-03-07", "7acf6129")).toBe("alice01_2026-03-07_7acf6129");
    expect(clickStatsKeyOf("aff_Ada9x2KqLmT4", "2026-03-07", 3)).toEqual({ id: "aff_Ada9x2KqLmT4_2026-03_3", month: "2026-03", dd: "07" });
  });
});

describe("isDocumentId", () => {
  it.each(["a", "aff_01", "_x_", "__x", "x__", "a__b__", "..a", "é".repeat(750)])("accepts %j", (id) => {
    expect(isDocumentId(id)).toBe(true);
  });

  it.each(["", ".", "..", "a/b", "/", "__x__", "____", "__.__", "__\n__", "x".repeat(1501), "é".repeat(751)])("refuses %j", (id) => {
    expect(isDocumentId(id)).toBe(false);
  });

  it("every affiliate id or slug the shared pattern admits can name a document", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{3,64}$/), (id) => {
        if (AFFILIATE_ID.test(id)) expect(isDocumentId(id)).toBe(true);
      }),
    );
    for (const id of ["__x__", "____", "__abc__"]) expect(AFFILIATE_ID.test(id)).toBe(false);
    for (const id of ["__x", "x__", "_x_", "___", "a__b__"]) expect(AFFILIATE_ID.test(id)).toBe(true);
  });
});
