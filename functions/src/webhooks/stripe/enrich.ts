import type { ParsedEvent, SaleFacts } from "../../domain/types.js";
import { parseWith } from "../parse-helpers.js";
import { isPermanentMiss, type StripeApi } from "./api-client.js";
import { invoicePaymentListSchema, paymentIntentSchema, promotionCodeSchema } from "./api-schemas.js";
import { baseFromBalance } from "./net.js";

// What a Stripe event does not carry but the API knows, looked up when STRIPE_API_KEY is set, just
// before the event is applied: on arrival and on a replay alike, so parsing stays pure and both
// paths record the same facts.
// - a sale's base becomes the seller's net from its charge's balance transaction (net.ts);
// - a promotion code named by id gets its `code`, so an affiliate's code credits them;
// - a refund or dispute on a subscription payment, which from API version 2025-03-31 names only the
//   PaymentIntent, is moved to the invoice's order, where the sale is.
// An object Stripe does not have (404) or a request it refuses (400) keeps what the event says;
// anything else (429 or 5xx after the retries, no answer, a wrong key) throws, so the event is kept
// failed: Stripe redelivers it and the owner can replay it.

async function miss(api: StripeApi, what: string, lookup: () => Promise<unknown>): Promise<unknown> {
  try {
    return await lookup();
  } catch (err) {
    if (!isPermanentMiss(err)) throw err;
    api.warn(`Stripe API: ${what} not found (${err instanceof Error ? err.message : String(err)}); the event's own facts are kept`);
    return null;
  }
}

/** The invoice a PaymentIntent paid, when that invoice belongs to a subscription; else null. */
async function subscriptionInvoiceOf(api: StripeApi, paymentIntentId: string): Promise<string | null> {
  const list = await miss(api, `invoice payments of ${paymentIntentId}`, () =>
    api.get("/v1/invoice_payments", [
      ["payment[type]", "payment_intent"],
      ["payment[payment_intent]", paymentIntentId],
      ["expand[]", "data.invoice"],
    ]),
  );
  if (list === null) return null;
  const found = parseWith(invoicePaymentListSchema, list, "Stripe invoice_payments").data.find((p) => p.invoice.subscription !== null);
  return found?.invoice.id ?? null;
}

/** The PaymentIntent that paid an invoice (its paid InvoicePayment); null when none did. */
async function paymentIntentOfInvoice(api: StripeApi, invoiceId: string): Promise<string | null> {
  const list = await miss(api, `payments of invoice ${invoiceId}`, () => api.get("/v1/invoice_payments", [["invoice", invoiceId], ["status", "paid"]]));
  if (list === null) return null;
  const paid = parseWith(invoicePaymentListSchema, list, "Stripe invoice_payments").data.find((p) => p.status === "paid" && p.payment.payment_intent);
  return paid?.payment.payment_intent ?? null;
}

async function withNet(api: StripeApi, orderId: string, sale: SaleFacts): Promise<SaleFacts> {
  const paymentIntentId = orderId.startsWith("in_") ? await paymentIntentOfInvoice(api, orderId) : orderId;
  if (paymentIntentId === null) return sale;
  const body = await miss(api, `payment intent ${paymentIntentId}`, () => api.get(`/v1/payment_intents/${encodeURIComponent(paymentIntentId)}`, [["expand[]", "latest_charge.balance_transaction"]]));
  if (body === null) return sale;
  const bt = parseWith(paymentIntentSchema, body, "Stripe payment_intent").latest_charge?.balance_transaction;
  // Not yet settled into the balance (rare for a paid charge): the subtotal stays the base.
  if (bt == null || typeof bt === "string") return sale;
  return { ...sale, ...baseFromBalance(sale, bt) };
}

async function withPromotionCode(api: StripeApi, sale: SaleFacts): Promise<SaleFacts> {
  const id = sale.discount?.platformId;
  if (sale.discount === null || sale.discount.code !== null || !id?.startsWith("promo_")) return sale;
  const body = await miss(api, `promotion code ${id}`, () => api.get(`/v1/promotion_codes/${encodeURIComponent(id)}`));
  if (body === null) return sale;
  return { ...sale, discount: { ...sale.discount, code: parseWith(promotionCodeSchema, body, "Stripe promotion_code").code } };
}

export async function withStripeFacts(api: StripeApi | null, event: ParsedEvent): Promise<ParsedEvent> {
  if (api === null || event.platform !== "stripe") return event;
  if (event.kind === "sale") return { ...event, sale: await withPromotionCode(api, await withNet(api, event.orderId, event.sale)) };
  if ((event.kind === "refund" || event.kind === "chargeback") && event.orderId.startsWith("pi_")) {
    const invoiceId = await subscriptionInvoiceOf(api, event.orderId);
    return invoiceId === null ? event : { ...event, orderId: invoiceId };
  }
  return event;
}
