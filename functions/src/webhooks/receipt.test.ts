import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readFixtureJson, readFixtureText } from "../../../tests/support/fixtures.js";
import { PayloadError } from "./payload-error.js";
import { identify, parseVerified, storageKey } from "./receipt.js";

const LIVE = { sandbox: false };
const body = (text: string): Buffer => Buffer.from(text, "utf8");
type Json = Record<string, unknown>;

/** A signed request's body with `edit` applied (these tests never verify the signature). */
function edited(text: string, edit: (event: Json) => void): Buffer {
  const event = JSON.parse(text) as Json;
  edit(event);
  return body(JSON.stringify(event));
}

// The vendors' own sample bodies.
const paddleSale = { body: readFixtureText("vendor/paddle-billing/transaction.completed.json") };
const lsSale = {
  body: JSON.stringify({ meta: { event_name: "order_created" }, data: readFixtureJson("vendor/lemonsqueezy/order.after-partial-refund.docs-api-example.json") }),
};
const classicFields = readFixtureJson("vendor/paddle-classic/payment_succeeded.simplelogin-simulator.json") as Record<string, string>;
const classicSale = { body: new URLSearchParams(classicFields).toString() };
const stripeSale = {
  body: JSON.stringify({
    ...(readFixtureJson("vendor/stripe/event.envelope.openapi-fixture.json") as Json),
    type: "checkout.session.completed",
    data: { object: { ...(readFixtureJson("vendor/stripe/checkout.session.object.openapi-fixture.json") as Json), payment_status: "paid", currency: "usd", amount_total: 1000, total_details: { amount_tax: 0 } } },
  }),
};

describe("identify and storageKey", () => {
  it.each([
    ["paddle", paddleSale.body],
    ["lemonsqueezy", lsSale.body],
    ["paddle-classic", classicSale.body],
    ["stripe", stripeSale.body],
  ] as const)("%s: the key and type the parser gives its event", (platform, text) => {
    const event = parseVerified(platform, body(text), LIVE);
    expect(identify(platform, body(text))).toEqual({ eventKey: event.eventKey, eventType: event.eventType });
    expect(storageKey(platform, body(text))).toBe(event.eventKey);
  });

  it("keys a body whose envelope is readable by its event id even when the rest does not parse", () => {
    const xts = edited(paddleSale.body, (e) => ((e.data as Json).currency_code = "XTS"));
    expect(() => parseVerified("paddle", xts, LIVE)).toThrow(PayloadError);
    expect(identify("paddle", xts)).toEqual({ eventKey: "evt_01hv8x2axb33yr5y238zfwcn5p", eventType: "transaction.completed" });
  });

  it.each(["paddle", "lemonsqueezy", "paddle-classic", "stripe"] as const)("%s: an unreadable body is keyed by its SHA-256", (platform) => {
    const raw = body("{not json");
    expect(identify(platform, raw)).toEqual({ eventKey: null, eventType: null });
    expect(storageKey(platform, raw)).toBe(`sha256-${createHash("sha256").update(raw).digest("hex")}`);
  });
});

describe("parseVerified", () => {
  it("refuses a currency the table lacks, on every platform", () => {
    const paddle = edited(paddleSale.body, (e) => ((e.data as Json).currency_code = "XTS"));
    const ls = edited(lsSale.body, (e) => (((e.data as Json).attributes as Json).currency = "XTS"));
    const classic = body(new URLSearchParams({ ...classicFields, currency: "XTS" }).toString());
    expect(() => parseVerified("paddle", paddle, LIVE)).toThrow(/currency_code: unknown currency code/);
    expect(() => parseVerified("lemonsqueezy", ls, LIVE)).toThrow(/currency: unknown currency code/);
    expect(() => parseVerified("paddle-classic", classic, LIVE)).toThrow(/currency: unknown currency code/);
  });

  it("reads a Paddle sale in RUB, which Paddle lists", () => {
    const rub = edited(paddleSale.body, (e) => ((e.data as Json).currency_code = "RUB"));
    expect(parseVerified("paddle", rub, LIVE)).toMatchObject({ kind: "sale", sale: { currency: "RUB", grossMinor: 65215 } });
  });

  it("marks every Paddle Billing event a test event when the endpoint was configured for the sandbox", () => {
    expect(parseVerified("paddle", body(paddleSale.body), { sandbox: true })).toMatchObject({ kind: "sale", test: true });
  });
});
