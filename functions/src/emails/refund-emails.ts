import {
  OWNER_RECIPIENT,
  affiliateRecipient,
  composeMail,
  greeting,
  type AffiliateContact,
} from "./compose.js";
import { formatDate, formatMoney } from "./format-money.js";
import type { ComposedMail } from "./mail-doc.js";
import type { Block } from "./render.js";

export type RefundChange =
  /** This refund alone, in the sale currency. */
  | { kind: "refund"; full: boolean; refundedMinor: number; currency: string }
  | { kind: "chargeback"; state: "open" | "reversed" };

export interface RefundEmailInput {
  programName: string;
  orderKey: string;
  /** Stable key of the event that caused this email (refund id, chargeback id + state, webhook event key). */
  eventKey: string;
  courseName: string;
  at: string; // ISO 8601
  change: RefundChange;
  previousCommissionMinor: number;
  commissionMinor: number;
  commissionCurrency: string;
  affiliate: AffiliateContact | null;
  test: boolean;
  /** Owner email only: never put into an affiliate's email. */
  customerEmail: string | null;
  ownerEmails: readonly string[];
  portalUrl: string;
}

function title(change: RefundChange): string {
  if (change.kind === "refund") return change.full ? "Full refund" : "Partial refund";
  return change.state === "open" ? "Chargeback opened" : "Chargeback reversed";
}

/** "$10.00 of the commission was taken back" / "$48.50 ... was restored", from the signed delta. */
function commissionDelta(input: RefundEmailInput, whose: string): string {
  const delta = input.commissionMinor - input.previousCommissionMinor;
  const amount = formatMoney(Math.abs(delta), input.commissionCurrency);
  return delta < 0 ? `${amount} of ${whose} commission was taken back.` : `${amount} of ${whose} commission was restored.`;
}

function what(input: RefundEmailInput): string {
  const { change } = input;
  if (change.kind === "refund") {
    const refund = formatMoney(change.refundedMinor, change.currency);
    return `A ${change.full ? "full" : "partial"} refund of ${refund} was issued for a sale of ${input.courseName}.`;
  }
  return change.state === "open"
    ? `The buyer disputed the payment for a sale of ${input.courseName} (a chargeback). Until it is settled, the sale earns no commission.`
    : `The chargeback on a sale of ${input.courseName} was settled in the seller's favour, so the sale counts again.`;
}

function commissionRows(input: RefundEmailInput): Array<readonly [string, string]> {
  const rows: Array<readonly [string, string]> = [["Course", input.courseName], ["Date", formatDate(input.at)]];
  if (input.change.kind === "refund") {
    rows.push(["Refunded", formatMoney(input.change.refundedMinor, input.change.currency)]);
  }
  rows.push(
    ["Commission before", formatMoney(input.previousCommissionMinor, input.commissionCurrency)],
    ["Commission now", formatMoney(input.commissionMinor, input.commissionCurrency)],
  );
  return rows;
}

function affiliateRefundMail(input: RefundEmailInput, affiliate: AffiliateContact): ComposedMail[] {
  return composeMail({
    kind: `${input.change.kind}-affiliate`,
    subjectKey: `${input.orderKey}/${input.eventKey}`,
    recipient: affiliateRecipient(affiliate),
    to: [affiliate.email],
    subject: `${title(input.change)}: ${input.courseName}, your commission is now ${formatMoney(input.commissionMinor, input.commissionCurrency)}`,
    blocks: [
      { type: "paragraph", text: greeting(affiliate.name) },
      { type: "paragraph", text: `${what(input)} ${commissionDelta(input, "your")}` },
      { type: "facts", rows: commissionRows(input) },
      { type: "link", label: "Open your affiliate portal", url: input.portalUrl },
    ],
  });
}

function refundedSuffix(change: RefundChange): string {
  return change.kind === "refund" ? ` (${formatMoney(change.refundedMinor, change.currency)})` : "";
}

function ownerRefundMail(input: RefundEmailInput): ComposedMail[] {
  const { affiliate } = input;
  const blocks: Block[] = [{ type: "paragraph", text: what(input) }];
  // An unattributed order has no commission to report.
  const rows = commissionRows(input).filter(([label]) => affiliate !== null || !label.startsWith("Commission"));
  if (affiliate !== null && input.commissionMinor !== input.previousCommissionMinor) {
    blocks.push({ type: "paragraph", text: commissionDelta(input, `${affiliate.name}'s`) });
  }
  rows.push(
    ["Customer", input.customerEmail ?? "(not given)"],
    ["Affiliate", affiliate === null ? "Unattributed" : `${affiliate.name} <${affiliate.email}>`],
    ["Order", input.orderKey],
  );
  blocks.push({ type: "facts", rows }, { type: "link", label: "Open the portal", url: input.portalUrl });
  return composeMail({
    kind: `${input.change.kind}-owner`,
    subjectKey: `${input.orderKey}/${input.eventKey}`,
    recipient: OWNER_RECIPIENT,
    to: input.ownerEmails,
    subject: `${title(input.change)}: ${input.courseName}${refundedSuffix(input.change)}`,
    blocks,
  });
}

/**
 * The emails a refund or chargeback sends: none for test events. The affiliate hears about it only
 * when their commission actually changed (a refund on an already charged-back order changes nothing).
 */
export function refundEmails(input: RefundEmailInput): ComposedMail[] {
  if (input.test) return [];
  const toAffiliate =
    input.affiliate !== null && input.commissionMinor !== input.previousCommissionMinor
      ? affiliateRefundMail(input, input.affiliate)
      : [];
  return [...toAffiliate, ...ownerRefundMail(input)];
}
