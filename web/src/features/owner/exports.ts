import { fractionDigits, minorToDecimal } from "../../lib/money";
import type { OwnerAffiliate, OwnerOrder } from "../../types/models";
import { toCsv } from "../../lib/csv";

/** Minor units as a plain decimal in the currency's digits: "49.50", "-3.00", "750" (JPY). */
export function amount(minor: number, currency: string): string {
  return minorToDecimal(minor, currency ? fractionDigits(currency) : 2);
}

const isoDay = (date: Date | null): string => (date ? date.toISOString().slice(0, 10) : "");

function nameOf(affiliates: ReadonlyMap<string, OwnerAffiliate>, id: string | null): string {
  if (id === null) return "";
  const a = affiliates.get(id);
  return a ? a.displayName || a.name || a.email : "";
}

/** Every order, one line each, for bookkeeping: amounts as decimals with their currency. */
export function ordersCsv(orders: readonly OwnerOrder[], affiliates: ReadonlyMap<string, OwnerAffiliate>): string {
  const header = [
    "order_key", "platform", "order_id", "sale_date", "status", "test", "course", "customer_email",
    "currency", "gross", "tax", "refunded_gross", "net_currency", "net",
    "affiliate_id", "affiliate_name", "attribution", "rate_bps", "commission_currency", "commission", "paid_out", "flag",
  ];
  const rows = orders.map((o) => [
    o.id, o.platform, o.orderId, isoDay(o.saleAt), o.status ?? "", o.test ? "yes" : "no", o.courseName, o.customerEmail,
    o.currency, amount(o.grossMinor, o.currency), amount(o.taxMinor, o.currency), amount(o.refundedGrossMinor, o.currency),
    o.baseCurrency, amount(o.netMinor, o.baseCurrency),
    o.affiliateId ?? "", nameOf(affiliates, o.affiliateId), o.attribution ? `${o.attribution.rule}${o.attribution.reason ? `:${o.attribution.reason}` : ""}` : "",
    o.rateBps, o.commissionCurrency, amount(o.commissionMinor, o.commissionCurrency), amount(o.paidOutMinor, o.commissionCurrency),
    o.flag ? `${o.flag}${o.flagApproved ? " (approved)" : ""}` : "",
  ]);
  return toCsv([header, ...rows]);
}

/** The commissions owed or paid: only orders credited to an affiliate, with what remains to pay. */
export function commissionsCsv(orders: readonly OwnerOrder[], affiliates: ReadonlyMap<string, OwnerAffiliate>): string {
  const header = ["order_key", "sale_date", "payable_date", "affiliate_id", "affiliate_name", "currency", "commission", "paid_out", "remaining", "payout_ids"];
  const rows = orders
    .filter((o) => o.affiliateId !== null && !o.test)
    .map((o) => [
      o.id, isoDay(o.saleAt), isoDay(o.payableAt), o.affiliateId, nameOf(affiliates, o.affiliateId), o.commissionCurrency,
      amount(o.commissionMinor, o.commissionCurrency), amount(o.paidOutMinor, o.commissionCurrency),
      amount(o.commissionMinor - o.paidOutMinor, o.commissionCurrency), o.payoutIds.join(" "),
    ]);
  return toCsv([header, ...rows]);
}
