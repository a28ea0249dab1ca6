import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChargebackFact, ParsedEvent, RefundFact, SaleFacts } from "../domain/types.js";
import { addFact, CUMULATIVE_REFUND_KEY, disputeOpen, emptyFacts, type OrderFacts } from "./facts.js";

const common = { platform: "paddle", eventType: "x", occurredAt: "2026-11-21T10:00:00Z", orderId: "txn_1", test: false } as const;

function sale(overrides: Partial<SaleFacts> = {}, test = false): ParsedEvent {
  return {
    ...common,
    test,
    eventKey: `sale-${overrides.soldAt ?? ""}`,
    kind: "sale",
    sale: {
      soldAt: "2026-11-21T10:00:00.000Z",
      currency: "USD",
      grossMinor: 1200,
      taxMinor: 200,
      feeMinor: 100,
      baseCurrency: "USD",
      baseMinor: 900,
      productId: "pro_1",
      productName: "Course",
      customerId: "ctm_1",
      customerEmail: "buyer@example.com",
      customerName: null,
      affiliate: { value: "alice", field: "custom_data.aff" },
      subscription: null,
      discount: null,
      ...overrides,
    },
  };
}

function refund(r: Partial<RefundFact> & Pick<RefundFact, "refundId" | "grossMinor">): ParsedEvent {
  return {
    ...common,
    eventKey: `refund-${r.refundId}-${r.grossMinor}`,
    kind: "refund",
    refund: { mode: "increment", at: "2026-11-25T10:00:00.000Z", baseMinor: null, full: false, currency: null, baseCurrency: null, ...r },
  };
}

function chargeback(c: Pick<ChargebackFact, "chargebackId" | "state"> & Partial<ChargebackFact>): ParsedEvent {
  return { ...common, eventKey: `cb-${c.chargebackId}-${c.state}`, kind: "chargeback", chargeback: { at: "2026-12-01T00:00:00.000Z", ...c } };
}

const fold = (events: ParsedEvent[]): OrderFacts => events.reduce(addFact, emptyFacts());

describe("addFact", () => {
  it("starts empty", () => {
    expect(emptyFacts()).toEqual({ sale: null, refunds: {}, chargebacks: {}, test: false });
  });

  it("keeps a sale once however often it arrives", () => {
    const s = sale();
    expect(fold([s, s, s])).toEqual(fold([s]));
    expect(fold([s]).sale?.grossMinor).toBe(1200);
  });

  it("keeps the earliest of two differing sales, in either order", () => {
    const early = sale({ soldAt: "2026-11-21T10:00:00.000Z", customerEmail: null });
    const late = sale({ soldAt: "2026-11-21T10:00:05.000Z" });
    expect(fold([early, late]).sale?.soldAt).toBe("2026-11-21T10:00:00.000Z");
    expect(fold([late, early])).toEqual(fold([early, late]));
  });

  it("breaks a tie between sales of one instant on content, not arrival", () => {
    const a = sale({ affiliate: { value: "alice", field: "f" } });
    const b = sale({ affiliate: { value: "bob", field: "f" } });
    expect(fold([a, b])).toEqual(fold([b, a]));
    expect(fold([a, b]).sale?.affiliate.value).toBe("alice");
  });

  it("counts an increment refund once per id", () => {
    const r1 = refund({ refundId: "adj_1", grossMinor: 300 });
    const r2 = refund({ refundId: "adj_2", grossMinor: 200 });
    const facts = fold([r1, r2, r1, r2, r1]);
    expect(Object.keys(facts.refunds).sort()).toEqual(["adj_1", "adj_2"]);
    expect(facts.refunds["adj_1"]?.grossMinor).toBe(300);
  });

  it("keeps the latest version of one refund id", () => {
    const older = refund({ refundId: "adj_1", grossMinor: 300, at: "2026-11-25T10:00:00.000Z" });
    const newer = refund({ refundId: "adj_1", grossMinor: 250, at: "2026-11-26T10:00:00.000Z" });
    expect(fold([older, newer]).refunds["adj_1"]?.grossMinor).toBe(250);
    expect(fold([newer, older])).toEqual(fold([older, newer]));
  });

  it("keeps the largest cumulative refund (W-21)", () => {
    const r300 = refund({ refundId: "ls-300", mode: "cumulative", grossMinor: 300, at: "2026-11-25T10:00:00.000Z" });
    const r700 = refund({ refundId: "ls-700", mode: "cumulative", grossMinor: 700, at: "2026-11-26T10:00:00.000Z" });
    for (const events of [[r300, r700], [r700, r300], [r700, r300, r700, r300]]) {
      const facts = fold(events);
      expect(Object.keys(facts.refunds)).toEqual([CUMULATIVE_REFUND_KEY]);
      expect(facts.refunds[CUMULATIVE_REFUND_KEY]?.grossMinor).toBe(700);
    }
  });

  it("keeps the largest cumulative refund even when it carries the earlier time", () => {
    const big = refund({ refundId: "ls-b", mode: "cumulative", grossMinor: 700, at: "2026-11-25T10:00:00.000Z" });
    const small = refund({ refundId: "ls-s", mode: "cumulative", grossMinor: 300, at: "2026-11-26T10:00:00.000Z" });
    expect(fold([big, small]).refunds[CUMULATIVE_REFUND_KEY]?.refundId).toBe("ls-b");
    expect(fold([small, big]).refunds[CUMULATIVE_REFUND_KEY]?.refundId).toBe("ls-b");
  });

  it("lets a reversal beat its chargeback whichever arrives first", () => {
    const open = chargeback({ chargebackId: "cb_1", state: "open", at: "2026-12-01T00:00:00.000Z" });
    const reversed = chargeback({ chargebackId: "cb_1", state: "reversed", at: "2026-12-10T00:00:00.000Z" });
    expect(fold([open, reversed]).chargebacks["cb_1"]?.state).toBe("reversed");
    expect(fold([reversed, open]).chargebacks["cb_1"]?.state).toBe("reversed");
    expect(fold([reversed, open, open])).toEqual(fold([open, reversed]));
  });

  it("ends disputed after chargeback → won → second chargeback, whatever the arrival order (issue 11, finding 6)", () => {
    const first = chargeback({ chargebackId: "adj_cb1", state: "open", at: "2026-12-01T00:00:00.000Z" });
    const won = chargeback({ chargebackId: "adj_cbr", state: "reversed", at: "2026-12-10T00:00:00.000Z" });
    const second = chargeback({ chargebackId: "adj_cb2", state: "open", at: "2026-12-20T00:00:00.000Z" });
    for (const order of [[first, won, second], [second, won, first], [won, second, first], [second, first, won]]) {
      expect(disputeOpen(fold(order))).toBe(true);
    }
    expect(disputeOpen(fold([won, first]))).toBe(false);
    expect(disputeOpen(fold([first]))).toBe(true);
    expect(disputeOpen(fold([]))).toBe(false);
    // Classic alerts carry whole seconds: at one instant the reversal is the later event.
    const sameSecond = chargeback({ chargebackId: "2", state: "reversed", at: "2026-12-01T00:00:00.000Z" });
    expect(disputeOpen(fold([sameSecond, first]))).toBe(false);
  });

  it("ignores events that are not order facts", () => {
    const facts = fold([sale()]);
    const ignored: ParsedEvent = { platform: "paddle", eventKey: "e", eventType: "x", occurredAt: "t", kind: "ignored", reason: "r" };
    const customer: ParsedEvent = { platform: "paddle", eventKey: "c", eventType: "customer.created", occurredAt: "t", kind: "customer", customerId: "ctm_1", email: "a@b.c", name: null };
    expect(addFact(facts, ignored)).toBe(facts);
    expect(addFact(facts, customer)).toBe(facts);
  });

  it("marks the order test once any of its events is", () => {
    expect(fold([sale({}, true), refund({ refundId: "r", grossMinor: 1 })]).test).toBe(true);
    expect(fold([refund({ refundId: "r", grossMinor: 1 }), sale({}, true)]).test).toBe(true);
    expect(fold([sale()]).test).toBe(false);
  });

  it("gives the same facts for any order and duplication of the same events", () => {
    const events = [
      sale(),
      sale({ soldAt: "2026-11-21T10:00:01.000Z", customerName: "B" }),
      refund({ refundId: "adj_1", grossMinor: 300 }),
      refund({ refundId: "adj_1", grossMinor: 301, at: "2026-11-25T10:00:00.000Z" }),
      refund({ refundId: "adj_2", grossMinor: 100, baseMinor: 80 }),
      refund({ refundId: "c1", mode: "cumulative", grossMinor: 400 }),
      refund({ refundId: "c2", mode: "cumulative", grossMinor: 400, baseMinor: 300 }),
      chargeback({ chargebackId: "cb_1", state: "open" }),
      chargeback({ chargebackId: "cb_1", state: "reversed" }),
      chargeback({ chargebackId: "cb_2", state: "open" }),
    ];
    const expected = fold(events);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: events.length - 1 }), { maxLength: 10 }),
        fc.func(fc.integer()),
        (dupIndexes, key) => {
          const withDups = [...events, ...dupIndexes.map((i) => events[i]).filter((e) => e !== undefined)];
          const shuffled = withDups
            .map((e, i) => ({ e, k: key(i) }))
            .sort((a, b) => a.k - b.k)
            .map(({ e }) => e);
          expect(fold(shuffled)).toEqual(expected);
        },
      ),
    );
  });
});
