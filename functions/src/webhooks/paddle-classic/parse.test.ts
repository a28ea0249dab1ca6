import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PayloadError } from "../payload-error.js";
import { readFixtureJson, readFixtureText } from "../../../../tests/support/fixtures.js";
import { signPaddleClassic } from "../../../../scripts/lib/webhook-signatures.js";
import { classicFieldsFromBody, parsePaddleClassicEvent } from "./parse.js";
import { verifyPaddleClassicSignature } from "./verify.js";

const REAL = z.record(z.string(), z.string()).parse(readFixtureJson("vendor/paddle-classic/payment_succeeded.simplelogin-simulator.json"));
const DEV_PRIVATE = readFixtureText("keys/paddle-classic-dev.private.pem");
const DEV_PUBLIC = readFixtureText("keys/paddle-classic-dev.public.pem");

const common = { alert_id: "2001", event_time: "2024-05-01 12:00:00", order_id: "77", currency: "USD", balance_currency: "EUR" };
const affiliateOf = (fields: Record<string, string>): unknown => {
  const event = parsePaddleClassicEvent({ ...REAL, ...fields });
  return event.kind === "sale" ? event.sale.affiliate : null;
};

describe("parsePaddleClassicEvent: sales", () => {
  it("maps the real simulator alert to a sale with golden amounts", () => {
    expect(parsePaddleClassicEvent(classicFieldsFromBody(new URLSearchParams(REAL).toString()))).toEqual({
      platform: "paddle-classic",
      kind: "sale",
      eventKey: "1647146853",
      eventType: "payment_succeeded",
      occurredAt: "2019-12-14T18:43:09Z",
      orderId: "8",
      test: false,
      sale: {
        soldAt: "2019-12-14T18:43:09Z",
        currency: "USD",
        grossMinor: 56882, // $568.82
        taxMinor: 18, // $0.18
        feeMinor: 1603, // €16.03 balance_fee
        baseCurrency: "EUR",
        baseMinor: 96681, // €966.81 balance_earnings (simulator values are random)
        productId: "3",
        productName: "Example String",
        customerId: null,
        customerEmail: "awyman@example.org",
        customerName: "customer_name",
        affiliate: { value: "Example String", field: "passthrough" },
        subscription: null,
        discount: { code: "Coupon 7", platformId: null },
      },
    });
  });

  it("reads the affiliate from passthrough JSON, then custom_data JSON", () => {
    expect(affiliateOf({ passthrough: '{"affiliateId":"a1","aff":"a2"}' })).toEqual({ value: "a1", field: "passthrough (json).affiliateId" });
    expect(affiliateOf({ passthrough: '{"ref": 42}' })).toEqual({ value: "42", field: "passthrough (json).ref" });
    expect(affiliateOf({ passthrough: '{"owner_id":1}', custom_data: '{"aff":"c1"}' })).toEqual({ value: "c1", field: "custom_data (json).aff" });
    expect(affiliateOf({ passthrough: "", custom_data: "bare-text" })).toEqual({ value: null, field: null });
    expect(affiliateOf({ passthrough: '{"aff": broken' })).toEqual({ value: null, field: null });
    expect(affiliateOf({ passthrough: "x".repeat(2000) })).toEqual({ value: "x".repeat(129), field: "passthrough" });
  });

  it("maps subscription_payment_succeeded with plan fields and user id", () => {
    const { product_id: _id, product_name: _name, ...rest } = REAL;
    const event = parsePaddleClassicEvent({
      ...rest,
      alert_name: "subscription_payment_succeeded",
      subscription_plan_id: "5",
      plan_name: "Monthly",
      user_id: "u9",
      currency: "JPY",
      sale_gross: "1499",
      payment_tax: "0",
    });
    expect(event).toMatchObject({
      kind: "sale",
      sale: { productId: "5", productName: "Monthly", customerId: "u9", currency: "JPY", grossMinor: 1499, taxMinor: 0 },
    });
  });
});

describe("parsePaddleClassicEvent: refunds and disputes", () => {
  it("maps payment_refunded to an increment keyed by alert_id", () => {
    const event = parsePaddleClassicEvent({
      ...common,
      alert_name: "payment_refunded",
      gross_refund: "19.99",
      amount: "17.00",
      balance_earnings_decrease: "15.12",
    });
    expect(event).toEqual({
      platform: "paddle-classic",
      kind: "refund",
      eventKey: "2001",
      eventType: "payment_refunded",
      occurredAt: "2024-05-01T12:00:00Z",
      orderId: "77",
      test: false,
      refund: { refundId: "2001", mode: "increment", at: "2024-05-01T12:00:00Z", grossMinor: 1999, baseMinor: 1512, full: false, currency: "USD", baseCurrency: "EUR" },
    });
  });

  it("falls back to amount, and keeps a negative earnings decrease (VAT-only refund)", () => {
    const event = parsePaddleClassicEvent({
      ...common,
      alert_name: "subscription_payment_refunded",
      amount: "3.00",
      balance_earnings_decrease: "-0.40",
    });
    expect(event.kind === "refund" && event.refund).toMatchObject({ grossMinor: 300, baseMinor: -40 });
  });

  it("gives a null base without balance_earnings_decrease", () => {
    const event = parsePaddleClassicEvent({ ...common, alert_name: "payment_refunded", amount: "3.00" });
    expect(event.kind === "refund" && event.refund.baseMinor).toBeNull();
  });

  it("marks refund_type full as a full refund", () => {
    const event = parsePaddleClassicEvent({ ...common, alert_name: "payment_refunded", amount: "3.00", refund_type: "full" });
    expect(event.kind === "refund" && event.refund.full).toBe(true);
  });

  it("ignores a zero-value payment: it is not a sale", () => {
    const event = parsePaddleClassicEvent({ ...REAL, sale_gross: "0.00" });
    expect(event).toMatchObject({ kind: "ignored", reason: "zero-value payment: not a sale" });
  });

  it("keys each dispute alert by its alert id, on the order (issue 11, finding 6)", () => {
    const opened = parsePaddleClassicEvent({ ...common, alert_name: "payment_dispute_created", status: "open" });
    const closed = parsePaddleClassicEvent({ ...common, alert_id: "2002", alert_name: "payment_dispute_closed", status: "closed" });
    expect(opened).toMatchObject({ kind: "chargeback", orderId: "77", chargeback: { chargebackId: "2001", state: "open" } });
    expect(closed).toMatchObject({ kind: "chargeback", orderId: "77", chargeback: { chargebackId: "2002", state: "reversed" } });
  });

  it("keeps the chargeback open when a dispute closes as lost", () => {
    const event = parsePaddleClassicEvent({ ...common, alert_name: "payment_dispute_closed", status: "Lost" });
    expect(event).toMatchObject({ kind: "ignored", reason: "dispute closed as lost" });
  });

  it("ignores alerts it does not use", () => {
    expect(parsePaddleClassicEvent({ ...common, alert_name: "subscription_created" })).toMatchObject({ kind: "ignored", eventKey: "2001" });
  });
});

describe("parsePaddleClassicEvent: malformed input", () => {
  const { alert_id: _a, ...noAlertId } = REAL;
  it.each([
    ["no alert_id", noAlertId],
    ["a bad event_time", { ...REAL, event_time: "14/12/2019" }],
    ["an impossible event_time", { ...REAL, event_time: "2019-13-45 99:00:00" }],
    ["a comma decimal", { ...REAL, sale_gross: "568,82" }],
    ["sub-cent precision", { ...REAL, sale_gross: "568.825" }],
    ["a negative gross", { ...REAL, sale_gross: "-1.00" }],
    ["an unknown currency", { ...REAL, balance_currency: "EURO" }],
    ["no order_id", { ...REAL, order_id: "" }],
    ["a refund without amount", { ...common, alert_name: "payment_refunded" }],
  ])("throws PayloadError for %s", (_name, fields) => {
    expect(() => parsePaddleClassicEvent(fields)).toThrow(PayloadError);
  });

  it("rejects a repeated field and a JSON body (W-14)", () => {
    const form = new URLSearchParams(REAL);
    form.append("sale_gross", "1.00");
    expect(() => parsePaddleClassicEvent(form)).toThrow(PayloadError);
    expect(() => parsePaddleClassicEvent(classicFieldsFromBody(JSON.stringify(REAL)))).toThrow(PayloadError);
  });

  it("names the offending field", () => {
    expect(() => parsePaddleClassicEvent({ ...REAL, payment_tax: "abc" })).toThrow(/payment_tax/);
  });

  it("round-trips an alert signed with the dev key through verify and parse", () => {
    const fields = { ...REAL, passthrough: '{"affiliateId":"aff_7"}', customer_name: "Zoë" };
    const form = new URLSearchParams({ ...fields, p_signature: signPaddleClassic(fields, DEV_PRIVATE) });
    const body = form.toString();
    expect(verifyPaddleClassicSignature(classicFieldsFromBody(body), [DEV_PUBLIC])).toEqual({ ok: true });
    expect(parsePaddleClassicEvent(classicFieldsFromBody(body))).toMatchObject({
      sale: { affiliate: { value: "aff_7" }, customerName: "Zoë" },
    });
  });
});

describe("parsePaddleClassicEvent: subscriptions", () => {
  const payment = (fields: Record<string, string>) => parsePaddleClassicEvent({ ...REAL, alert_name: "subscription_payment_succeeded", ...fields });

  it("marks the initial payment of a subscription as its first and the others as later payments", () => {
    expect(payment({ subscription_id: "502", initial_payment: "1" })).toMatchObject({ sale: { subscription: { id: "502", first: true } } });
    expect(payment({ subscription_id: "502", initial_payment: "true" })).toMatchObject({ sale: { subscription: { id: "502", first: true } } });
    expect(payment({ subscription_id: "502", initial_payment: "0" })).toMatchObject({ sale: { subscription: { id: "502", first: false } } });
    expect(payment({ subscription_id: "502" })).toMatchObject({ sale: { subscription: { id: "502", first: false } } });
  });

  it("leaves one-off payments without a subscription", () => {
    expect(parsePaddleClassicEvent({ ...REAL })).toMatchObject({ sale: { subscription: null } });
  });
});
