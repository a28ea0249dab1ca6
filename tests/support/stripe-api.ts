import type { IncomingMessage, ServerResponse } from "node:http";
import type { Failure } from "./vendor-api";

// The Stripe part of the vendor stand-in (vendor-api.ts mounts it under /stripe): the GETs the
// functions make, answered in the shapes of Stripe's API reference. Errors are Stripe's
// `{error: {type, code, message}}`: 401 for a wrong key, 404 `resource_missing` for an unknown id.
// Tests put objects in `stripeApi` and clear it with `resetStripeApi`; 429s and 5xx are the stand-in's
// `failures`, answered here in Stripe's shape (`rate_limit_error`, `api_error`).

/** The demo key of functions/.secret.local.example. */
const KEY = "rk_test_demo_local_only_api_key";

export interface StripeBalanceTransactionFixture {
  id: string;
  amount: number;
  fee: number;
  net: number;
  currency: string;
  exchange_rate: number | null;
}

export interface StripeApiState {
  /** PaymentIntents by id, with their latest charge's balance transaction (null: not settled yet). */
  paymentIntents: Map<string, { currency: string; amount: number; charge: string; balanceTransaction: StripeBalanceTransactionFixture | null }>;
  /** Which invoice each PaymentIntent paid; `subscription` null for a one-off invoice. */
  invoicePayments: Array<{ invoice: string; subscription: string | null; paymentIntent: string; amount: number; currency: string }>;
  /** Promotion codes by id: the code customers type. */
  promotionCodes: Map<string, string>;
}

export const stripeApi: StripeApiState = { paymentIntents: new Map(), invoicePayments: [], promotionCodes: new Map() };

export function resetStripeApi(): void {
  stripeApi.paymentIntents.clear();
  stripeApi.invoicePayments.length = 0;
  stripeApi.promotionCodes.clear();
}

function send(res: ServerResponse, status: number, body: unknown): number {
  res.writeHead(status, { "content-type": "application/json", "request-id": `req_${Date.now()}` });
  res.end(JSON.stringify(body));
  return status;
}

const missing = (res: ServerResponse, kind: string, id: string): number =>
  send(res, 404, { error: { type: "invalid_request_error", code: "resource_missing", param: "id", message: `No such ${kind}: '${id}'` } });

function invoiceObject(p: StripeApiState["invoicePayments"][number]) {
  return {
    id: p.invoice,
    object: "invoice",
    currency: p.currency,
    amount_paid: p.amount,
    parent: p.subscription === null ? null : { type: "subscription_details", subscription_details: { subscription: p.subscription, metadata: {} } },
  };
}

function invoicePayments(url: URL, res: ServerResponse): number {
  const invoice = url.searchParams.get("invoice");
  const paymentIntent = url.searchParams.get("payment[payment_intent]");
  const status = url.searchParams.get("status");
  const expandInvoice = url.searchParams.getAll("expand[]").includes("data.invoice");
  const data = stripeApi.invoicePayments
    .filter((p) => (invoice === null || p.invoice === invoice) && (paymentIntent === null || p.paymentIntent === paymentIntent) && (status === null || status === "paid"))
    .map((p, i) => ({
      id: `inpay_${p.invoice}_${i}`,
      object: "invoice_payment",
      amount_paid: p.amount,
      amount_requested: p.amount,
      currency: p.currency,
      invoice: expandInvoice ? invoiceObject(p) : p.invoice,
      is_default: true,
      livemode: true,
      payment: { type: "payment_intent", payment_intent: p.paymentIntent },
      status: "paid",
    }));
  return send(res, 200, { object: "list", url: "/v1/invoice_payments", has_more: false, data });
}

/** Answers a request under /stripe/ (or the first of `failures` matching it); returns the status sent. */
export function answerStripe(req: IncomingMessage, res: ServerResponse, url: URL, failures: Failure[]): number {
  const failure = failures.find((f) => f.times > 0 && f.match.test(decodeURIComponent(`${url.pathname}${url.search}`)));
  if (failure) {
    failure.times--;
    const type = failure.status === 429 ? "rate_limit_error" : "api_error";
    res.writeHead(failure.status, { "content-type": "application/json", ...(failure.retryAfter ? { "retry-after": failure.retryAfter } : {}) });
    res.end(JSON.stringify({ error: { type, message: failure.status === 429 ? "Too many requests hit the API too quickly." : "An unknown error occurred (stand-in failure)." } }));
    return failure.status;
  }
  if (req.headers.authorization !== `Bearer ${KEY}`) {
    return send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided: rk_test_****" } });
  }
  const path = url.pathname.slice("/stripe".length);
  const pi = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
  if (pi?.[1]) {
    const id = decodeURIComponent(pi[1]);
    const found = stripeApi.paymentIntents.get(id);
    if (!found) return missing(res, "payment_intent", id);
    const expanded = url.searchParams.getAll("expand[]").includes("latest_charge.balance_transaction");
    const bt = found.balanceTransaction === null ? null : { object: "balance_transaction", type: "charge", source: found.charge, status: "available", ...found.balanceTransaction };
    return send(res, 200, {
      id,
      object: "payment_intent",
      amount: found.amount,
      amount_received: found.amount,
      currency: found.currency,
      status: "succeeded",
      latest_charge: expanded ? { id: found.charge, object: "charge", amount: found.amount, currency: found.currency, balance_transaction: bt } : found.charge,
    });
  }
  if (path === "/v1/invoice_payments") return invoicePayments(url, res);
  const promo = /^\/v1\/promotion_codes\/([^/]+)$/.exec(path);
  if (promo?.[1]) {
    const id = decodeURIComponent(promo[1]);
    const code = stripeApi.promotionCodes.get(id);
    if (code === undefined) return missing(res, "promotion_code", id);
    return send(res, 200, { id, object: "promotion_code", active: true, code, livemode: true, promotion: { type: "coupon", coupon: "co_demo" } });
  }
  return send(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (GET: ${url.pathname}).` } });
}
