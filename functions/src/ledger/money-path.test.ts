// M-10: the money path, from webhook facts to ledger sums, under random event sequences with
// duplicates and shuffles. What the trigger relies on: the derived order depends only on the set of
// distinct business events, and adding diffs of successive contributions keeps the ledger equal to
// the final contribution whatever intermediate states were seen.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParsedEvent } from "../domain/types.js";
import { roundHalfEvenDiv } from "../money/rounding.js";
import { manualAttribution, type Attribution } from "../orders/attribution.js";
import { deriveOrder, type DeriveContext, type DerivedOrder } from "../orders/derive.js";
import { addFact, emptyFacts, type OrderFacts } from "../orders/facts.js";
import { emptyLedger, type LedgerTotals } from "../../../contracts/ledger.js";
import { contributionOf, type Contribution } from "./contribution.js";
import { addDeltas, diffContributions } from "./delta.js";

const ORDER_KEY = "paddle_txn_01";
const common = { platform: "paddle", eventType: "x", occurredAt: "2026-11-21T10:00:00Z", orderId: "txn_01", test: false } as const;

interface Scenario {
  grossMinor: number;
  baseMinor: number;
  rateBps: number;
  currency: "USD" | "JPY" | "KWD";
  events: ParsedEvent[];
}

const saleEvent = (s: { grossMinor: number; baseMinor: number; currency: string }, soldAt = "2026-11-21T10:00:00.000Z"): ParsedEvent => ({
  ...common,
  eventKey: `sale-${soldAt}`,
  kind: "sale",
  sale: {
    soldAt,
    currency: s.currency,
    grossMinor: s.grossMinor,
    taxMinor: 0,
    feeMinor: null,
    baseCurrency: s.currency,
    baseMinor: s.baseMinor,
    productId: null,
    productName: null,
    customerId: null,
    customerEmail: null,
    customerName: null,
    affiliate: { value: "alice_01", field: "custom_data.aff" },
    subscription: null,
    discount: null,
  },
});

const refundEvent = (refundId: string, mode: "increment" | "cumulative", grossMinor: number, baseMinor: number | null, day: number): ParsedEvent => ({
  ...common,
  eventKey: `refund-${refundId}-${grossMinor}`,
  kind: "refund",
  refund: { refundId, mode, grossMinor, baseMinor, full: false, currency: null, baseCurrency: null, at: `2026-11-${String(22 + day).padStart(2, "0")}T00:00:00.000Z` },
});

const chargebackEvent = (chargebackId: string, state: "open" | "reversed"): ParsedEvent => ({
  ...common,
  eventKey: `cb-${chargebackId}-${state}`,
  kind: "chargeback",
  chargeback: { chargebackId, state, at: state === "open" ? "2026-12-01T00:00:00.000Z" : "2026-12-09T00:00:00.000Z" },
});

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    grossMinor: fc.integer({ min: 0, max: 200_000 }),
    baseRatio: fc.integer({ min: 0, max: 150 }),
    rateBps: fc.integer({ min: 0, max: 10_000 }),
    currency: fc.constantFrom<"USD" | "JPY" | "KWD">("USD", "JPY", "KWD"),
    cumulative: fc.boolean(),
    refunds: fc.array(fc.record({ share: fc.integer({ min: 0, max: 100 }), reportBase: fc.boolean(), day: fc.integer({ min: 0, max: 6 }) }), { maxLength: 4 }),
    fullRefund: fc.boolean(),
    secondSale: fc.boolean(),
    chargebacks: fc.array(fc.constantFrom("open", "reversed", "both"), { maxLength: 2 }),
  })
  .map(({ grossMinor, baseRatio, rateBps, currency, cumulative, refunds, fullRefund, secondSale, chargebacks }) => {
    const baseMinor = Math.floor((grossMinor * baseRatio) / 100);
    const events: ParsedEvent[] = [saleEvent({ grossMinor, baseMinor, currency })];
    // A later duplicate sale with other content must lose to the first, wherever it arrives.
    if (secondSale) events.push(saleEvent({ grossMinor: grossMinor + 1, baseMinor, currency }, "2026-11-21T10:00:09.000Z"));
    let cumulativeGross = 0;
    refunds.forEach((r, i) => {
      const amount = Math.floor((grossMinor * r.share) / 400);
      if (cumulative) {
        cumulativeGross += amount;
        events.push(refundEvent(`ls-${i}`, "cumulative", Math.min(cumulativeGross, grossMinor), null, r.day));
      } else {
        const base = r.reportBase ? Math.floor((baseMinor * r.share) / 400) : null;
        events.push(refundEvent(`adj_${i}`, "increment", amount, base, r.day));
      }
    });
    if (fullRefund) {
      events.push(
        cumulative
          ? refundEvent("ls-full", "cumulative", grossMinor, null, 7)
          : refundEvent("adj_full", "increment", grossMinor, null, 7), // over-refund when partials came first
      );
    }
    chargebacks.forEach((state, i) => {
      if (state !== "reversed") events.push(chargebackEvent(`cb_${i}`, "open"));
      if (state !== "open") events.push(chargebackEvent(`cb_${i}`, "reversed"));
    });
    return { grossMinor, baseMinor, rateBps, currency, events };
  });

/** The events duplicated and shuffled, as webhooks may deliver them. */
const deliveries = (events: ParsedEvent[]): fc.Arbitrary<ParsedEvent[]> =>
  fc
    .tuple(fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 8 }), fc.array(fc.double({ noNaN: true }), { minLength: events.length + 8, maxLength: events.length + 8 }))
    .map(([dups, keys]) => {
      const all = [...events, ...dups.flatMap((i) => (events[i] === undefined ? [] : [events[i]]))];
      return all.map((e, i) => ({ e, k: keys[i] ?? 0 })).sort((a, b) => a.k - b.k).map(({ e }) => e);
    });

const alice = manualAttribution("alice_01", "owner");
const bob = manualAttribution("bob_02", "owner");
const nobody: Attribution = { ...alice, affiliateId: null, rule: "none", reason: "missing", candidate: null, by: null };

const ctxFor = (s: Scenario, overrides: Partial<DeriveContext> = {}): DeriveContext => ({
  attribution: alice,
  rateBps: s.rateBps,
  defaultRateBps: 5000,
  refundWindowDays: 30,
  flagApproved: false,
  payouts: {},
  ...overrides,
});

const fold = (events: ParsedEvent[]): OrderFacts => events.reduce(addFact, emptyFacts());

type Ledgers = Record<string, LedgerTotals>;

function apply(ledgers: Ledgers, oldC: Contribution | null, newC: Contribution | null): Ledgers {
  const next = { ...ledgers };
  for (const d of diffContributions(oldC, newC)) next[d.ledgerKey] = addDeltas(next[d.ledgerKey] ?? emptyLedger(), d.fields);
  return prune(next);
}

/** Drops ledgers back at zero: a ledger document of zeros is the same as none. */
function prune(ledgers: Ledgers): Ledgers {
  const empty = JSON.stringify(emptyLedger());
  return Object.fromEntries(Object.entries(ledgers).filter(([, l]) => JSON.stringify(l) !== empty));
}

function checkInvariants(order: DerivedOrder, facts: OrderFacts, rateBps: number): void {
  expect(Number.isSafeInteger(order.commissionMinor)).toBe(true);
  expect(order.commissionMinor).toBeGreaterThanOrEqual(0);
  expect(order.commissionMinor).toBeLessThanOrEqual(order.originalCommissionMinor);
  expect(order.refundedGrossMinor).toBeLessThanOrEqual(order.grossMinor);
  expect(order.refundedBaseMinor).toBeLessThanOrEqual(order.netMinor);
  const sale = facts.sale;
  if (sale === null) {
    expect(order.status).toBe("awaiting_sale");
    return;
  }
  // Before the first sale arrives the later one stands in: check against what is known now.
  const earns = order.affiliateId !== null;
  const rated = (num: bigint, den: bigint): number => (earns ? Number(roundHalfEvenDiv(num * BigInt(rateBps), den * 10_000n)) : 0);
  expect(order.originalCommissionMinor).toBe(rated(BigInt(sale.baseMinor), 1n));
  const refunds = Object.values(facts.refunds);
  const refundedGross = refunds.reduce((sum, r) => sum + r.grossMinor, 0);
  if (order.status === "chargeback") expect(order.commissionMinor).toBe(0);
  else if (refunds.length > 0 && refundedGross >= sale.grossMinor) {
    expect(order.status).toBe("refunded");
    expect(order.commissionMinor).toBe(0);
  } else if (refunds.every((r) => r.baseMinor === null) && sale.grossMinor > 0) {
    // M-05: commission == round(rate × remaining), remaining prorated exactly from the gross.
    const remaining = BigInt(sale.baseMinor) * BigInt(sale.grossMinor - refundedGross);
    expect(order.commissionMinor).toBe(rated(remaining, BigInt(sale.grossMinor)));
  } else if (refunds.length === 0) {
    expect(order.commissionMinor).toBe(order.originalCommissionMinor);
  }
}

describe("money path (M-10)", () => {
  it("derives the same order and contribution for any delivery of the same events", () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), deliveries(s.events), deliveries(s.events))),
        ([s, first, second]) => {
          const ctx = ctxFor(s);
          const a = deriveOrder(fold(first), ctx);
          const b = deriveOrder(fold(second), ctx);
          expect(a).toEqual(b);
          expect(a).toEqual(deriveOrder(fold(s.events), ctx));
          expect(contributionOf(ORDER_KEY, a)).toEqual(contributionOf(ORDER_KEY, b));
          // Refunds counted once per id; a cumulative one at its largest value; capped at the sale.
          const increments = new Map<string, number>();
          let largestCumulative = 0;
          for (const e of s.events) {
            if (e.kind !== "refund") continue;
            if (e.refund.mode === "cumulative") largestCumulative = Math.max(largestCumulative, e.refund.grossMinor);
            else increments.set(e.refund.refundId, e.refund.grossMinor);
          }
          const expectedRefunded = [...increments.values()].reduce((x, y) => x + y, largestCumulative);
          expect(a.refundedGrossMinor).toBe(Math.min(expectedRefunded, s.grossMinor));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keeps the ledger equal to the final contribution through any intermediate states", () => {
    const ctxChange = fc.record({
      attribution: fc.constantFrom(alice, bob, nobody, { ...alice, selfReferral: true }),
      flagApproved: fc.boolean(),
      payouts: fc.constantFrom<Record<string, number>>({}, { po_1: 100 }, { po_1: 100, po_2: 250 }),
    });
    fc.assert(
      fc.property(
        scenario.chain((s) =>
          fc.tuple(fc.constant(s), deliveries(s.events), fc.array(ctxChange, { minLength: 1, maxLength: 40 }), ctxChange),
        ),
        ([s, delivered, changes, finalChange]) => {
          let facts = emptyFacts();
          let applied: Contribution | null = null;
          let ledgers: Ledgers = {};
          delivered.forEach((event, i) => {
            facts = addFact(facts, event);
            // Between events the owner may re-attribute, approve, or pay out.
            const ctx = ctxFor(s, changes[i % changes.length]);
            const order = deriveOrder(facts, ctx);
            checkInvariants(order, facts, s.rateBps);
            const contribution = contributionOf(ORDER_KEY, order);
            ledgers = apply(ledgers, applied, contribution);
            applied = contribution;
            // The trigger firing twice for one state changes nothing.
            expect(diffContributions(applied, contributionOf(ORDER_KEY, deriveOrder(facts, ctx)))).toEqual([]);
          });
          const finalOrder = deriveOrder(facts, ctxFor(s, finalChange));
          const finalContribution = contributionOf(ORDER_KEY, finalOrder);
          ledgers = apply(ledgers, applied, finalContribution);
          expect(ledgers).toEqual(apply({}, null, finalContribution));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never pays more than the original commission, and a full refund leaves exactly 0", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const full = refundEvent("adj_all", "increment", s.grossMinor, null, 9);
        const order = deriveOrder(fold([...s.events.filter((e) => e.kind !== "chargeback"), full]), ctxFor(s));
        expect(order.status).toBe("refunded");
        expect(order.commissionMinor).toBe(0);
        expect(order.refundedBaseMinor).toBe(s.baseMinor);
        const c = contributionOf(ORDER_KEY, order);
        expect(c?.pendingByDay).toEqual({});
        expect(c?.reversedMinor).toBe(order.originalCommissionMinor);
      }),
    );
  });
});
