import { describe, expect, it } from "vitest";
import { PayloadError } from "../payload-error.js";
import { readFixtureJson, readFixtureText } from "../../../../tests/support/fixtures.js";
import { signPaddle } from "../../../../scripts/lib/webhook-signatures.js";
import { parsePaddleEvent } from "./parse.js";
import { verifyPaddleSignature } from "./verify.js";

type Json = Record<string, unknown>;
const fixture = (name: string): Json => readFixtureJson(`vendor/paddle-billing/${name}.json`) as Json;
const LIVE = { sandbox: false };

/** A deep copy of a fixture with `edit` applied to its `data` (fixtures lack custom data, approvals…). */
function edited(name: string, edit: (data: Json) => void): string {
  const event = structuredClone(fixture(name));
  edit(event.data as Json);
  return JSON.stringify(event);
}
const details = (data: Json): Json => data.details as Json;

describe("parsePaddleEvent: vendor fixtures", () => {
  it("maps transaction.completed to a sale with golden amounts", () => {
    const event = parsePaddleEvent(readFixtureText("vendor/paddle-billing/transaction.completed.json"), LIVE);
    expect(event).toEqual({
      platform: "paddle",
      kind: "sale",
      eventKey: "evt_01hv8x2axb33yr5y238zfwcn5p",
      eventType: "transaction.completed",
      occurredAt: "2024-04-12T10:18:50.155553Z",
      orderId: "txn_01hv8wptq8987qeep44cyrewp9",
      test: false,
      sale: {
        soldAt: "2024-04-12T10:18:50.155553Z",
        currency: "USD",
        grossMinor: 65215, // $652.15 paid, tax included
        taxMinor: 5315, // $53.15
        feeMinor: 3311, // $33.11 Paddle fee
        baseCurrency: "USD",
        baseMinor: 56589, // $565.89 = 652.15 − 53.15 − 33.11
        productId: "pro_01gsz4t5hdjse780zja8vvr7jg",
        productName: "AeroEdit Pro",
        customerId: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4",
        customerEmail: null,
        customerName: null,
        affiliate: { value: null, field: null },
        // A checkout (`origin: web`) of a subscription: its first payment.
        subscription: { id: "sub_01hv8x29kz0t586xy6zn1a62ny", first: true },
        discount: null,
      },
    });
  });

  it("keeps the discount id Paddle sends in place of a code", () => {
    const body = fixture("transaction.completed");
    (body.data as Json).discount_id = "dsc_01gtgztp8fpchantd5g1wrksa3";
    const event = parsePaddleEvent(JSON.stringify(body), LIVE);
    expect(event).toMatchObject({ kind: "sale", sale: { discount: { code: null, platformId: "dsc_01gtgztp8fpchantd5g1wrksa3" } } });
  });

  it("marks events from a sandbox endpoint as test", () => {
    const event = parsePaddleEvent(readFixtureText("vendor/paddle-billing/transaction.completed.json"), { sandbox: true });
    expect(event).toMatchObject({ kind: "sale", test: true });
  });

  it.each(["transaction.paid", "transaction.billed"])("ignores %s (fees are not final before completed)", (name) => {
    const event = parsePaddleEvent(readFixtureText(`vendor/paddle-billing/${name}.json`), LIVE);
    expect(event).toMatchObject({ kind: "ignored", eventType: name, platform: "paddle" });
  });

  it.each(["adjustment.created", "adjustment.updated"])("ignores %s while the refund is pending_approval (W-24)", (name) => {
    const event = parsePaddleEvent(readFixtureText(`vendor/paddle-billing/${name}.json`), LIVE);
    expect(event).toMatchObject({ kind: "ignored", reason: "refund adjustment is pending_approval, not approved" });
  });

  it("maps customer.created to a customer event carrying the email", () => {
    expect(parsePaddleEvent(readFixtureText("vendor/paddle-billing/customer.created.json"), LIVE)).toEqual({
      platform: "paddle",
      kind: "customer",
      eventKey: "evt_01hv6y1jtn1fr98zq3cvarxx2e",
      eventType: "customer.created",
      occurredAt: "2024-04-11T15:57:25.205966Z",
      customerId: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4",
      email: "jo@example.com",
      name: "Jo Brown",
    });
  });

  it("parses the body of the real signature vector after verifying it", () => {
    const vector = readFixtureJson("vendor/paddle-billing/customer.created.signature-vector.json") as Json;
    const raw = Buffer.from(String(vector.rawBody));
    expect(verifyPaddleSignature(raw, String(vector.header), [String(vector.secret)], 1710498758)).toEqual({ ok: true });
    expect(parsePaddleEvent(raw, LIVE)).toMatchObject({ kind: "customer", email: "blackhole+verification2@paddle.com", name: "John Doe" });
  });
});

describe("parsePaddleEvent: affiliate and base", () => {
  it("reads affiliateId first, then aff, then ref, trimmed, recording the field", () => {
    const withRef = (custom: Json): unknown => {
      const event = parsePaddleEvent(edited("transaction.completed", (d) => (d.custom_data = custom)), LIVE);
      return event.kind === "sale" ? event.sale.affiliate : null;
    };
    expect(withRef({ affiliateId: " aff_123 ", aff: "x" })).toEqual({ value: "aff_123", field: "data.custom_data.affiliateId" });
    expect(withRef({ ref: "r1", aff: "a1" })).toEqual({ value: "a1", field: "data.custom_data.aff" });
    expect(withRef({ ref: "r1" })).toEqual({ value: "r1", field: "data.custom_data.ref" });
    expect(withRef({ other: "r1" })).toEqual({ value: null, field: null });
    const absent = parsePaddleEvent(edited("transaction.completed", (d) => delete d.custom_data), LIVE);
    expect(absent).toMatchObject({ kind: "sale", sale: { affiliate: { value: null, field: null } } });
  });

  it("takes the base from payout_totals in the payout currency", () => {
    const body = edited("transaction.completed", (d) => {
      details(d).payout_totals = { fee: "3020", earnings: "51817", currency_code: "EUR", total: "59716" };
    });
    expect(parsePaddleEvent(body, LIVE)).toMatchObject({
      sale: { currency: "USD", grossMinor: 65215, baseCurrency: "EUR", baseMinor: 51817, feeMinor: 3020 },
    });
  });

  it("falls back to totals.earnings in the sale currency when payout_totals is null", () => {
    const body = edited("transaction.completed", (d) => (details(d).payout_totals = null));
    expect(parsePaddleEvent(body, LIVE)).toMatchObject({ sale: { baseCurrency: "USD", baseMinor: 56589, feeMinor: 3311 } });
  });

  it("falls back to items[0].price.product_id without line items", () => {
    const body = edited("transaction.completed", (d) => (details(d).line_items = []));
    expect(parsePaddleEvent(body, LIVE)).toMatchObject({ sale: { productId: "pro_01gsz4t5hdjse780zja8vvr7jg", productName: null } });
  });

  it("ignores a completed transaction with negative (credit) totals", () => {
    const body = edited("transaction.completed", (d) => ((details(d).totals as Json).grand_total = "-500"));
    expect(parsePaddleEvent(body, LIVE)).toMatchObject({ kind: "ignored" });
  });

  it("takes the gross after credits (grand_total), falling back to total", () => {
    const credited = edited("transaction.completed", (d) => ((details(d).totals as Json).grand_total = "60215"));
    expect(parsePaddleEvent(credited, LIVE)).toMatchObject({ kind: "sale", sale: { grossMinor: 60215, baseMinor: 56589 } });
    const older = edited("transaction.completed", (d) => delete (details(d).totals as Json).grand_total);
    expect(parsePaddleEvent(older, LIVE)).toMatchObject({ kind: "sale", sale: { grossMinor: 65215 } });
  });

  it("ignores a zero-value transaction (payment-method change): it is not a sale", () => {
    const body = edited("transaction.completed", (d) => {
      Object.assign(details(d).totals as Json, { subtotal: "0", tax: "0", total: "0", grand_total: "0", fee: "0", earnings: "0" });
      Object.assign(details(d).payout_totals as Json, { fee: "0", earnings: "0" });
    });
    expect(parsePaddleEvent(body, LIVE)).toMatchObject({ kind: "ignored", reason: "zero-value transaction (payment-method change): not a sale" });
  });
});

describe("parsePaddleEvent: adjustments", () => {
  const adjust = (changes: Json): string => edited("adjustment.updated", (d) => Object.assign(d, changes));

  it("maps an approved refund to an increment keyed by the adjustment id", () => {
    expect(parsePaddleEvent(adjust({ status: "approved" }), { sandbox: true })).toEqual({
      platform: "paddle",
      kind: "refund",
      eventKey: "evt_01hvgfdfepj8eaevsjh5g4swbe",
      eventType: "adjustment.updated",
      occurredAt: "2024-04-15T08:54:10.646377Z",
      orderId: "txn_01hvcc93znj3mpqt1tenkjb04y",
      test: true,
      refund: {
        refundId: "adj_01hvgf2s84dr6reszzg29zbvcm",
        mode: "increment",
        at: "2024-04-15T08:54:10.646377Z",
        grossMinor: 100, // $1.00 refunded, tax included
        baseMinor: 87, // $0.87 of earnings reversed
        full: false,
        currency: "USD",
        baseCurrency: "USD",
      },
    });
  });

  it.each(["rejected", "reversed"])("ignores a refund that is %s", (status) => {
    expect(parsePaddleEvent(adjust({ status }), LIVE)).toMatchObject({ kind: "ignored" });
  });

  it("keys each chargeback and reversal by its adjustment id, on the transaction (issue 11, finding 6)", () => {
    const open = parsePaddleEvent(adjust({ action: "chargeback", status: "approved" }), LIVE);
    const reverse = parsePaddleEvent(adjust({ id: "adj_other", action: "chargeback_reverse", status: "approved" }), LIVE);
    expect(open).toMatchObject({ kind: "chargeback", orderId: "txn_01hvcc93znj3mpqt1tenkjb04y" });
    expect(open.kind === "chargeback" && open.chargeback).toEqual({
      chargebackId: "adj_01hvgf2s84dr6reszzg29zbvcm",
      state: "open",
      at: "2024-04-15T08:54:10.646377Z",
    });
    expect(reverse.kind === "chargeback" && reverse.chargeback).toMatchObject({ chargebackId: "adj_other", state: "reversed" });
  });

  it.each(["chargeback_warning", "chargeback_warning_reverse"])("ignores %s", (action) => {
    expect(parsePaddleEvent(adjust({ action, status: "approved" }), LIVE)).toMatchObject({ kind: "ignored" });
  });

  it("maps a credit to a refund fact and a credit_reverse to the same amounts negated (issue 11, finding 2)", () => {
    const credit = parsePaddleEvent(adjust({ action: "credit", status: "approved" }), LIVE);
    const reverse = parsePaddleEvent(adjust({ id: "adj_rev", action: "credit_reverse", status: "approved" }), LIVE);
    expect(credit).toMatchObject({ kind: "refund", refund: { refundId: "adj_01hvgf2s84dr6reszzg29zbvcm", grossMinor: 100, baseMinor: 87, full: false } });
    expect(reverse).toMatchObject({ kind: "refund", refund: { refundId: "adj_rev", grossMinor: -100, baseMinor: -87 } });
  });

  it("keeps the negative earnings of a tax adjustment and marks type full (issue 11, findings 1 and 2)", () => {
    const tax = parsePaddleEvent(
      adjust({ status: "approved", type: "full", payout_totals: { earnings: "-5", total: "8", currency_code: "USD" }, totals: { total: "8" } }),
      LIVE,
    );
    expect(tax).toMatchObject({ kind: "refund", refund: { grossMinor: 8, baseMinor: -5, full: true } });
  });

  it("gives a null base when payout_totals is missing", () => {
    const event = parsePaddleEvent(adjust({ status: "approved", payout_totals: null }), LIVE);
    expect(event.kind === "refund" && event.refund.baseMinor).toBeNull();
  });
});

describe("parsePaddleEvent: malformed input", () => {
  it.each([
    ["not JSON", "{"],
    ["an array", "[]"],
    ["no event_id", JSON.stringify({ event_type: "transaction.completed", occurred_at: "x", data: {} })],
    ["empty event_id", edited("customer.created", () => undefined).replace("evt_01hv6y1jtn1fr98zq3cvarxx2e", "")],
    ["no data", JSON.stringify({ ...fixture("transaction.completed"), data: null })],
    ["a decimal amount", edited("transaction.completed", (d) => ((details(d).totals as Json).total = "652.15"))],
    ["a numeric amount", edited("transaction.completed", (d) => ((details(d).totals as Json).tax = 5315))],
    ["an unknown currency", edited("transaction.completed", (d) => (d.currency_code = "XYZ"))],
    ["no fee anywhere", edited("transaction.completed", (d) => {
      details(d).payout_totals = null;
      (details(d).totals as Json).fee = null;
    })],
    ["a negative refund", edited("adjustment.updated", (d) => Object.assign(d, { status: "approved", totals: { total: "-100" } }))],
    ["an adjustment without transaction", edited("adjustment.updated", (d) => (d.transaction_id = undefined))],
    ["a customer without id", edited("customer.created", (d) => (d.id = 42))],
  ])("throws PayloadError for %s", (_name, body) => {
    expect(() => parsePaddleEvent(body, LIVE)).toThrow(PayloadError);
  });

  it("names the offending field in the message", () => {
    const body = edited("transaction.completed", (d) => ((details(d).totals as Json).total = "652.15"));
    expect(() => parsePaddleEvent(body, LIVE)).toThrow(/details\.totals\.total/);
  });

  it("ignores unknown event types whatever their data (W-17)", () => {
    const body = JSON.stringify({ event_id: "evt_x", event_type: "subscription.created", occurred_at: "2024-01-01T00:00:00Z", data: 5 });
    expect(parsePaddleEvent(body, LIVE)).toMatchObject({ kind: "ignored", eventKey: "evt_x" });
  });

  it("round-trips a signed sale with custom data through verify and parse", () => {
    const body = edited("transaction.completed", (d) => (d.custom_data = { affiliateId: "aff_9" }));
    const header = signPaddle(body, "pdl_ntfset_test", 1_700_000_000);
    expect(verifyPaddleSignature(Buffer.from(body), header, ["pdl_ntfset_test"], 1_700_000_100)).toEqual({ ok: true });
    expect(parsePaddleEvent(Buffer.from(body), LIVE)).toMatchObject({ sale: { affiliate: { value: "aff_9" } } });
  });
});

describe("parsePaddleEvent: subscriptions", () => {
  const withOrigin = (origin: string | null, subscriptionId: string | null) =>
    parsePaddleEvent(
      edited("transaction.completed", (data) => {
        data.origin = origin;
        data.subscription_id = subscriptionId;
      }),
      LIVE,
    );

  it("marks the checkout or API transaction that starts a subscription as its first payment", () => {
    expect(withOrigin("web", "sub_1")).toMatchObject({ kind: "sale", sale: { subscription: { id: "sub_1", first: true } } });
    expect(withOrigin("api", "sub_1")).toMatchObject({ kind: "sale", sale: { subscription: { id: "sub_1", first: true } } });
  });

  it("reads renewals, upgrades and one-off charges on a subscription as later payments", () => {
    for (const origin of ["subscription_recurring", "subscription_update", "subscription_charge", null]) {
      expect(withOrigin(origin, "sub_1")).toMatchObject({ kind: "sale", sale: { subscription: { id: "sub_1", first: false } } });
    }
  });

  it("leaves a transaction without a subscription a one-off sale", () => {
    expect(withOrigin("web", null)).toMatchObject({ kind: "sale", sale: { subscription: null, discount: null } });
  });
});
