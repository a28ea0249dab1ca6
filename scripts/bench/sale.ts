import type { SaleFacts } from "../../functions/src/domain/types";

/** Sale `i` of a bench's made-up orders: one a day going back `spanDays`, amounts varying a little. */
export function benchSale(i: number, now: number, spanDays: number): SaleFacts {
  const minor = 5000 + (i % 97) * 100;
  return {
    soldAt: new Date(now - (i % spanDays) * 86_400_000).toISOString(),
    currency: "USD",
    grossMinor: minor,
    taxMinor: 0,
    feeMinor: null,
    baseCurrency: "USD",
    baseMinor: minor,
    productId: "1",
    productName: "TypeScript from Scratch",
    customerId: null,
    customerEmail: null,
    customerName: null,
    affiliate: { value: null, field: null },
    subscription: null,
    discount: null,
  };
}
