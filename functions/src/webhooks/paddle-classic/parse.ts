import type { AffiliateRef, ParsedEvent, RefundFact, SaleFacts } from "../../domain/types.js";
import { readAffiliateRefFromText } from "../affiliate-ref.js";
import { majorField, parseWith } from "../parse-helpers.js";
import { PayloadError } from "../payload-error.js";
import { fieldsToRecord, type ClassicFields } from "./fields.js";
import { alertSchema, disputeSchema, refundSchema, saleSchema } from "./schemas.js";

type Common = { platform: "paddle-classic"; eventKey: string; eventType: string; occurredAt: string };
type Fields = Record<string, string>;

/** Classic's `event_time` is "2019-12-14 18:43:09" in UTC. */
function isoFromEventTime(eventTime: string): string {
  const iso = `${eventTime.replace(" ", "T")}Z`;
  if (Number.isNaN(Date.parse(iso))) throw new PayloadError(`event_time is not a valid date`);
  return iso;
}

/** `passthrough` may be a JSON object or a bare id; `custom_data` (Paddle.js customData) is JSON only. */
function affiliateFrom(fields: { passthrough?: string | undefined; custom_data?: string | undefined }): AffiliateRef {
  const fromPassthrough = readAffiliateRefFromText(fields.passthrough, "passthrough", true);
  if (fromPassthrough.value !== null) return fromPassthrough;
  return readAffiliateRefFromText(fields.custom_data, "custom_data", false);
}

function sale(common: Common, input: Fields): ParsedEvent {
  const f = parseWith(saleSchema, input, common.eventType);
  const grossMinor = majorField("sale_gross", f.sale_gross, f.currency);
  if (grossMinor === 0) return { ...common, kind: "ignored", reason: "zero-value payment: not a sale" };
  const facts: SaleFacts = {
    soldAt: common.occurredAt,
    currency: f.currency,
    grossMinor,
    taxMinor: majorField("payment_tax", f.payment_tax, f.currency),
    feeMinor: majorField("balance_fee", f.balance_fee, f.balance_currency),
    baseCurrency: f.balance_currency,
    baseMinor: majorField("balance_earnings", f.balance_earnings, f.balance_currency),
    productId: f.product_id || f.subscription_plan_id || null,
    productName: f.product_name || f.plan_name || null,
    customerId: f.user_id || null,
    customerEmail: f.email || null,
    customerName: f.customer_name || null,
    affiliate: affiliateFrom(f),
    // `initial_payment` is "1" or "true" on the payment that started the subscription.
    subscription: f.subscription_id ? { id: f.subscription_id, first: ["1", "true"].includes((f.initial_payment ?? "").toLowerCase()) } : null,
    discount: f.coupon ? { code: f.coupon, platformId: null } : null,
  };
  return { ...common, kind: "sale", orderId: f.order_id, test: false, sale: facts };
}

function refund(common: Common, input: Fields): ParsedEvent {
  const f = parseWith(refundSchema, input, common.eventType);
  const [grossField, grossValue] = f.gross_refund ? ["gross_refund", f.gross_refund] : ["amount", f.amount ?? ""];
  const decrease = f.balance_earnings_decrease;
  const refundFact: RefundFact = {
    refundId: common.eventKey,
    mode: "increment",
    at: common.occurredAt,
    grossMinor: majorField(grossField, grossValue, f.currency),
    // Negative for a VAT-only refund (the seller's earnings do not drop): kept as sent, the sum of
    // all refunds is clamped to [0, base] when the order is derived.
    baseMinor: decrease ? majorField("balance_earnings_decrease", decrease, f.balance_currency, { allowNegative: true }) : null,
    full: f.refund_type === "full",
    currency: f.currency,
    baseCurrency: f.balance_currency,
  };
  return { ...common, kind: "refund", orderId: f.order_id, test: false, refund: refundFact };
}

/**
 * Each dispute alert is its own fact, keyed by its alert id: the latest one says whether the order
 * is disputed, so a dispute won and a second one opened later ends open. Paddle says `payment_dispute_closed` means "contested and won"; its `status` values are
 * not documented, so only an explicit "lost" keeps the chargeback open.
 */
function dispute(common: Common, input: Fields, closed: boolean): ParsedEvent {
  const f = parseWith(disputeSchema, input, common.eventType);
  if (closed && f.status?.toLowerCase() === "lost") return { ...common, kind: "ignored", reason: "dispute closed as lost" };
  const chargeback = { chargebackId: common.eventKey, state: closed ? ("reversed" as const) : ("open" as const), at: common.occurredAt };
  return { ...common, kind: "chargeback", orderId: f.order_id, test: false, chargeback };
}

export function parsePaddleClassicEvent(fields: ClassicFields): ParsedEvent {
  const record = fieldsToRecord(fields);
  if (record === null) throw new PayloadError("Paddle Classic alert: a form field is repeated");
  const alert = parseWith(alertSchema, record, "Paddle Classic alert");
  const common: Common = {
    platform: "paddle-classic",
    eventKey: alert.alert_id,
    eventType: alert.alert_name,
    occurredAt: isoFromEventTime(alert.event_time),
  };
  switch (alert.alert_name) {
    case "payment_succeeded":
    case "subscription_payment_succeeded":
      return sale(common, record);
    case "payment_refunded":
    case "subscription_payment_refunded":
      return refund(common, record);
    case "payment_dispute_created":
      return dispute(common, record, false);
    case "payment_dispute_closed":
      return dispute(common, record, true);
    default:
      return { ...common, kind: "ignored", reason: `alert ${alert.alert_name} is not used` };
  }
}

/** The raw form body as fields; a JSON body yields no `alert_name` and is then rejected by the parser. */
export function classicFieldsFromBody(rawBody: Buffer | string): URLSearchParams {
  return new URLSearchParams(typeof rawBody === "string" ? rawBody : rawBody.toString("utf8"));
}
