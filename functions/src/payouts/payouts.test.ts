import { describe, expect, it } from "vitest";
import { emptyLedger } from "../../../contracts/ledger.js";
import { payableRows } from "./payable.js";
import { checkPayout, chunk, payoutIdFor, selectAllocations, type PayoutCandidate } from "./select.js";

const order = (key: string, over: Partial<PayoutCandidate> = {}): PayoutCandidate => ({
  orderKey: key,
  affiliateId: "aff1",
  commissionCurrency: "USD",
  commissionMinor: 1000,
  paidOutMinor: 0,
  payableAt: "2026-02-01T10:00:00.000Z",
  flag: null,
  flagApproved: false,
  test: false,
  ...over,
});

const NOW = new Date("2026-02-01T10:00:00.000Z");

describe("selectAllocations", () => {
  it("takes matured remainders and negative carries, skipping everything else", () => {
    const orders = [
      order("c"),
      order("a", { commissionMinor: 2500, paidOutMinor: 1000 }),
      order("later", { payableAt: "2026-02-02T00:00:00.000Z" }),
      order("paid", { paidOutMinor: 1000 }),
      order("flagged", { flag: "self_referral" }),
      order("foreign-refund", { flag: "refund_currency" }),
      order("approved", { flag: "self_referral", flagApproved: true, commissionMinor: 300 }),
      order("refunded-after-payout", { commissionMinor: 0, paidOutMinor: 400, payableAt: "2026-03-01T00:00:00.000Z" }),
      order("flagged-negative", { flag: "self_referral", commissionMinor: 0, paidOutMinor: 50 }),
      order("other-affiliate", { affiliateId: "aff2" }),
      order("eur", { commissionCurrency: "EUR" }),
      order("test", { test: true }),
      order("no-sale", { payableAt: null }),
    ];
    expect(selectAllocations(orders, "aff1", "USD", NOW)).toEqual([
      { orderKey: "a", amountMinor: 1500 },
      { orderKey: "approved", amountMinor: 300 },
      { orderKey: "c", amountMinor: 1000 },
      { orderKey: "flagged-negative", amountMinor: -50 },
      { orderKey: "refunded-after-payout", amountMinor: -400 },
    ]);
  });

  it("judges maturity to the second, with the ledger's key: never a moment inside the refund window (issue 11, finding 8)", () => {
    const late = order("x", { payableAt: "2026-02-01T23:59:58.250Z" });
    expect(selectAllocations([late], "aff1", "USD", new Date("2026-02-01T00:00:00.000Z"))).toHaveLength(0);
    expect(selectAllocations([late], "aff1", "USD", new Date("2026-02-01T23:59:58.999Z"))).toHaveLength(0);
    expect(selectAllocations([late], "aff1", "USD", new Date("2026-02-01T23:59:59.000Z"))).toHaveLength(1);
  });
});

describe("checkPayout", () => {
  it("refuses nothing, negative totals and amounts under the threshold", () => {
    expect(checkPayout([], 0)).toEqual({ ok: false, reason: "nothing", amountMinor: 0 });
    expect(checkPayout([{ orderKey: "a", amountMinor: -5 }], 0)).toEqual({ ok: false, reason: "nothing", amountMinor: -5 });
    expect(checkPayout([{ orderKey: "a", amountMinor: 4999 }], 5000)).toEqual({ ok: false, reason: "below-threshold", amountMinor: 4999 });
    expect(checkPayout([{ orderKey: "a", amountMinor: 6000 }, { orderKey: "b", amountMinor: -1000 }], 5000)).toEqual({ ok: true, amountMinor: 5000 });
  });
});

describe("payoutIdFor", () => {
  it("is stable per key and differs per affiliate, currency and key", () => {
    const id = payoutIdFor("aff1", "USD", "key-1");
    expect(id).toMatch(/^po_[0-9a-f]{32}$/);
    expect(payoutIdFor("aff1", "USD", "key-1")).toBe(id);
    expect(new Set([id, payoutIdFor("aff2", "USD", "key-1"), payoutIdFor("aff1", "EUR", "key-1"), payoutIdFor("aff1", "USD", "key-2")]).size).toBe(4);
  });
});

describe("chunk", () => {
  it("splits into runs of at most n", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 400)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe("payableRows", () => {
  const shard = (affiliateId: string, currency: string, over: Partial<ReturnType<typeof emptyLedger>> = {}) => ({ ...emptyLedger(), affiliateId, currency, ...over });
  const people = new Map([
    ["aff1", { name: "Ada", email: "ada@x.test", payoutEmail: "", status: "active" }],
    ["aff2", { name: "Bob", email: "bob@x.test", payoutEmail: "pay@bob.test", status: "active" }],
  ]);

  it("sums matured days and carry per affiliate and currency, keeping those at the threshold", () => {
    const rows = payableRows(
      [
        shard("aff1", "USD", { pendingByDay: { "2026-01-01": 4000, "2026-03-01": 9000 } }),
        shard("aff1", "USD", { pendingByDay: { "2026-01-15": 2000 }, carryMinor: -1000 }),
        shard("aff1", "EUR", { pendingByDay: { "2026-01-01": 4999 } }),
        shard("aff2", "USD", { pendingByDay: { "2026-02-01": 5000 }, flaggedMinor: 70 }),
      ],
      people,
      new Date("2026-02-01T00:00:00.000Z"),
      5000,
    );
    expect(rows).toEqual([
      { affiliateId: "aff1", currency: "USD", payableMinor: 5000, pendingMinor: 9000, flaggedMinor: 0, name: "Ada", payoutEmail: "ada@x.test", status: "active" },
      { affiliateId: "aff2", currency: "USD", payableMinor: 5000, pendingMinor: 0, flaggedMinor: 70, name: "Bob", payoutEmail: "pay@bob.test", status: "active" },
    ]);
  });

  it("never lists a zero or negative balance, even with a zero threshold", () => {
    expect(payableRows([shard("aff1", "USD", { carryMinor: -10 })], people, new Date("2026-02-01T12:00:00.000Z"), 0)).toEqual([]);
  });
});
