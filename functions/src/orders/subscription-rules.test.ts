import { describe, expect, it } from "vitest";
import type { RecurringPolicy } from "../../../contracts/recurring-policy.js";
import type { ParsedEvent, SaleFacts, SubscriptionStart } from "../domain/types.js";
import { manualAttribution, type AffiliateCandidate, type Attribution } from "./attribution.js";
import { addFact } from "./facts.js";
import type { OrderRecord } from "./record.js";
import { decideOrder, planOrderChange, type OrderChange } from "./rules.js";
import { paymentNumber, renewalsToRederive, type SubscriptionRecord } from "./subscription.js";
import { affiliateToReadFor, decideSubscriptionStart, startAffiliateToRead } from "./subscription-rules.js";

// A model of the store's transactions (store/orders.ts, store/subscriptions.ts) over the pure
// rules: each event changes its order and the subscription, then re-derives the renewals the
// change can move. Every arrival order must end in the same orders.

const ADA: AffiliateCandidate = { id: "aff_ada", status: "active", email: "ada@example.com", rateBps: null, courseRates: {}, codeOnlyApproval: false };
const GRACE: AffiliateCandidate = { id: "aff_grace", status: "active", email: "grace@example.com", rateBps: 4000, courseRates: {}, codeOnlyApproval: false, recurringPolicy: { kind: "first" } };
const AFFILIATES = new Map([ADA, GRACE].map((a) => [a.id, a]));

function sale(orderId: string, soldAt: string, first: boolean | null, ref: string | null): ParsedEvent {
  const facts: SaleFacts = {
    soldAt,
    currency: "USD",
    grossMinor: 1000,
    taxMinor: 0,
    feeMinor: null,
    baseCurrency: "USD",
    baseMinor: 1000,
    productId: first === false ? null : "prod_1",
    productName: first === false ? null : "Membership",
    customerId: null,
    customerEmail: "buyer@example.com",
    customerName: null,
    affiliate: { value: ref, field: ref ? "custom" : null },
    subscription: first === null ? null : { id: "sub_1", first },
    discount: null,
  };
  return { platform: "lemonsqueezy", eventKey: `k_${orderId}`, eventType: "sale", occurredAt: soldAt, orderId, test: false, kind: "sale", sale: facts };
}

const start = (ref: string | null): SubscriptionStart => ({
  subscriptionId: "sub_1",
  firstOrderId: "o1",
  startedAt: "2026-01-10T10:00:00Z",
  productId: "prod_1",
  productName: "Membership",
  affiliate: { value: ref, field: ref ? "meta.custom_data.affiliateId" : null },
});

type Step = { kind: "order"; event: ParsedEvent } | { kind: "start"; start: SubscriptionStart };

class Model {
  orders = new Map<string, OrderRecord>();
  sub: SubscriptionRecord | null = null;
  constructor(private readonly policy: RecurringPolicy) {}

  private derive(orderId: string, event: ParsedEvent | null, sub: SubscriptionRecord | null, change: OrderChange = {}): { order: OrderRecord; sub: SubscriptionRecord | null } {
    const stored = this.orders.get(orderId) ?? null;
    const plan = planOrderChange(stored, event ? { facts: (f) => addFact(f, event) } : change);
    const toRead = affiliateToReadFor(plan.facts.sale, plan.affiliateToRead, plan.attribution?.rule === "manual", sub);
    const d = decideOrder(stored, plan, {
      customer: null,
      candidate: toRead ? (AFFILIATES.get(toRead) ?? null) : null,
      code: null,
      course: null,
      settings: { defaultRateBps: 5000, refundWindowDays: 30, recurringPolicy: this.policy },
      subscription: { platform: "lemonsqueezy", orderId, stored: sub },
    });
    const order = { ...d.order, platform: "lemonsqueezy", orderId, facts: plan.facts, attribution: d.attribution, payment: d.payment, rateSource: d.rateSource } as const;
    const record: OrderRecord = { ...order, courseId: null, courseName: null, productId: null, productName: null, customerId: null, customerEmail: null, customerName: null, payouts: {} };
    return { order: record, sub: d.subscription };
  }

  private rederive(before: SubscriptionRecord | null, after: SubscriptionRecord, changed: string | null): void {
    const ids = before ? renewalsToRederive(before, after, changed) : Object.keys(after.renewals).filter((id) => id !== changed);
    let current = after;
    for (const id of ids) {
      const { order, sub } = this.derive(id, null, current);
      this.orders.set(id, order);
      current = sub ?? current;
    }
    this.sub = current;
  }

  apply(step: Step): void {
    const before = this.sub;
    if (step.kind === "start") {
      const firstOrder = this.orders.get(step.start.firstOrderId);
      const firstAffiliate = firstOrder?.affiliateId ?? null;
      const toRead = startAffiliateToRead(step.start, firstAffiliate);
      const after = decideSubscriptionStart({ stored: before, platform: "lemonsqueezy", start: step.start, test: false, firstOrderAffiliate: firstAffiliate, candidate: toRead ? (AFFILIATES.get(toRead) ?? null) : null, programPolicy: this.policy });
      this.rederive(before, after, null);
      return;
    }
    if (!("orderId" in step.event)) throw new Error("order events only");
    const { order, sub } = this.derive(step.event.orderId, step.event, before);
    this.orders.set(step.event.orderId, order);
    if (sub) this.rederive(before, sub, step.event.orderId);
  }

  /** The owner credits an order by hand, as the reattributeOrder callable does. */
  reattribute(orderId: string, affiliateId: string): void {
    const before = this.sub;
    const { order, sub } = this.derive(orderId, null, before, { attribution: manualAttribution(affiliateId, "owner_1") });
    this.orders.set(orderId, order);
    if (sub) this.rederive(before, sub, orderId);
  }

  /** Who earns what, payment by payment. */
  summary(): Record<string, { affiliateId: string | null; reason: string | null; number: number | null; commission: number }> {
    const out: Record<string, { affiliateId: string | null; reason: string | null; number: number | null; commission: number }> = {};
    for (const [id, o] of [...this.orders].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out[id] = { affiliateId: o.affiliateId, reason: o.attribution?.reason ?? null, number: o.payment?.number ?? null, commission: o.commissionMinor };
    }
    return out;
  }
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

function runAll(policy: RecurringPolicy, steps: Step[]) {
  const results = permutations(steps).map((order) => {
    const model = new Model(policy);
    for (const step of order) model.apply(step);
    // A duplicate of every event changes nothing.
    for (const step of order) model.apply(step);
    return { summary: model.summary(), sub: model.sub };
  });
  for (const r of results) expect(r.summary).toEqual(results[0]?.summary);
  return results[0] ?? { summary: {}, sub: null };
}

const order = (orderId: string, soldAt: string, first: boolean | null, ref: string | null): Step => ({ kind: "order", event: sale(orderId, soldAt, first, ref) });

describe("payments of a subscription in any arrival order", () => {
  it("the first 3 payments earn, the 4th is recorded with no commission and why (renewals without custom data)", () => {
    const { summary, sub } = runAll({ kind: "payments", limit: 3 }, [
      order("o1", "2026-01-10T10:00:00Z", true, "aff_ada"),
      order("r2", "2026-02-10T10:00:00Z", false, null),
      order("r3", "2026-03-10T10:00:00Z", false, null),
      order("r4", "2026-04-10T10:00:00Z", false, null),
    ]);
    expect(summary).toEqual({
      o1: { affiliateId: "aff_ada", reason: null, number: 1, commission: 500 },
      r2: { affiliateId: "aff_ada", reason: null, number: 2, commission: 500 },
      r3: { affiliateId: "aff_ada", reason: null, number: 3, commission: 500 },
      r4: { affiliateId: null, reason: "beyond_policy", number: 4, commission: 0 },
    });
    expect(sub).toMatchObject({ affiliateId: "aff_ada", policy: { kind: "payments", limit: 3 }, paymentsCredited: 3, startedAt: "2026-01-10T10:00:00Z", productName: "Membership" });
  });

  it("a months policy counts from the first payment, which may arrive last", () => {
    const { summary } = runAll({ kind: "months", limit: 2 }, [
      order("o1", "2026-01-10T10:00:00Z", true, "aff_ada"),
      order("r2", "2026-02-10T10:00:00Z", false, "aff_ada"),
      order("r3", "2026-03-10T10:00:00Z", false, "aff_ada"),
    ]);
    expect(summary).toMatchObject({ r2: { affiliateId: "aff_ada", number: 2 }, r3: { affiliateId: null, reason: "beyond_policy", number: 3 } });
  });

  it("the affiliate's own policy is snapshotted on the subscription (first payment only)", () => {
    const { summary, sub } = runAll({ kind: "every" }, [order("o1", "2026-01-10T10:00:00Z", true, "aff_grace"), order("r2", "2026-02-10T10:00:00Z", false, null)]);
    expect(summary).toMatchObject({ o1: { affiliateId: "aff_grace", commission: 400 }, r2: { affiliateId: null, reason: "beyond_policy" } });
    expect(sub?.policy).toEqual({ kind: "first" });
  });

  it("Lemon Squeezy: renewals without custom data follow subscription_created, whenever it arrives", () => {
    const { summary, sub } = runAll({ kind: "every" }, [
      order("o1", "2026-01-10T10:00:00Z", null, "aff_ada"), // order_created: it does not name its subscription
      { kind: "start", start: start("aff_ada") },
      order("r2", "2026-02-10T10:00:00Z", false, null),
    ]);
    expect(summary.r2).toEqual({ affiliateId: "aff_ada", reason: null, number: 2, commission: 500 });
    expect(sub).toMatchObject({ affiliateId: "aff_ada", firstOrderId: "o1", startedAt: "2026-01-10T10:00:00Z" });
  });

  it("numbers payments by time, so a late renewal renumbers the later ones", () => {
    const model = new Model({ kind: "payments", limit: 2 });
    model.apply(order("o1", "2026-01-10T10:00:00Z", true, "aff_ada"));
    model.apply(order("r3", "2026-03-10T10:00:00Z", false, null));
    expect(model.summary().r3).toMatchObject({ affiliateId: "aff_ada", number: 2 });
    model.apply(order("r2", "2026-02-10T10:00:00Z", false, null));
    expect(model.summary()).toMatchObject({ r2: { affiliateId: "aff_ada", number: 2 }, r3: { affiliateId: null, reason: "beyond_policy", number: 3 } });
    expect(model.sub && paymentNumber(model.sub, "r3")).toBe(3);
  });

  it("a renewal with no reference waits for its subscription's affiliate", () => {
    const model = new Model({ kind: "every" });
    model.apply(order("r2", "2026-02-10T10:00:00Z", false, null));
    expect(model.summary().r2).toMatchObject({ affiliateId: null, reason: "missing" });
    model.apply(order("o1", "2026-01-10T10:00:00Z", true, "aff_ada"));
    expect(model.summary().r2).toMatchObject({ affiliateId: "aff_ada", reason: null });
    const rule: Attribution["rule"] | undefined = model.orders.get("r2")?.attribution?.rule;
    expect(rule).toBe("subscription");
  });

  it("re-attributing the first payment moves the subscription: its renewals, and later ones, follow with the new affiliate's policy", () => {
    const model = new Model({ kind: "every" });
    model.apply(order("o1", "2026-01-10T10:00:00Z", true, null));
    model.apply(order("r2", "2026-02-10T10:00:00Z", false, null));
    expect(model.summary().r2).toMatchObject({ affiliateId: null, reason: "missing" });

    model.reattribute("o1", "aff_grace");
    expect(model.sub).toMatchObject({ affiliateId: "aff_grace", policy: { kind: "first" } });
    // Grace's own policy pays the first payment only.
    expect(model.summary()).toMatchObject({ o1: { affiliateId: "aff_grace", commission: 400 }, r2: { affiliateId: null, reason: "beyond_policy" } });

    model.reattribute("o1", "aff_ada");
    model.apply(order("r3", "2026-03-10T10:00:00Z", false, "aff_grace"));
    expect(model.sub).toMatchObject({ affiliateId: "aff_ada", policy: { kind: "every" } });
    expect(model.summary()).toMatchObject({
      o1: { affiliateId: "aff_ada", commission: 500 },
      r2: { affiliateId: "aff_ada", reason: null, commission: 500 },
      r3: { affiliateId: "aff_ada", reason: null, commission: 500 },
    });
    // The first payment's later events keep the moved subscription as it is.
    const snapshot = model.sub;
    model.apply(order("o1", "2026-01-10T10:00:00Z", true, null));
    expect(model.sub).toEqual(snapshot);
  });

  it("re-attributing a renewal changes that payment only", () => {
    const model = new Model({ kind: "every" });
    model.apply(order("o1", "2026-01-10T10:00:00Z", true, "aff_ada"));
    model.apply(order("r2", "2026-02-10T10:00:00Z", false, null));
    model.apply(order("r3", "2026-03-10T10:00:00Z", false, null));
    model.reattribute("r2", "aff_grace");
    expect(model.sub?.affiliateId).toBe("aff_ada");
    expect(model.summary()).toMatchObject({ r2: { affiliateId: "aff_grace" }, r3: { affiliateId: "aff_ada" } });
  });
});
