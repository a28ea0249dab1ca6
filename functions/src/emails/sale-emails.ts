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

export interface SaleEmailInput {
  programName: string;
  orderKey: string;
  courseName: string;
  soldAt: string; // ISO 8601
  saleMinor: number; // what the customer paid, in `currency`
  currency: string;
  commissionMinor: number;
  commissionCurrency: string;
  /** UTC day (or ISO timestamp) the commission becomes payable; null when none is scheduled. */
  payableAt: string | null;
  affiliate: AffiliateContact | null;
  /** Why the order is or is not attributed, in words for the owner ("referral link", "no affiliate reference"). */
  attributionReason: string;
  /** An affiliate reference the order carried that matched no active affiliate (unknown or inactive id). */
  candidateRef: string | null;
  /** The commission is held for the owner's review: a self-referral, or a code-only sale of an affiliate the owner reviews. */
  flag: "self-referral" | "code-only" | null;
  test: boolean;
  /** Owner email only: never put into an affiliate's email. */
  customerEmail: string | null;
  ownerEmails: readonly string[];
  portalUrl: string;
}

function affiliateSaleMail(input: SaleEmailInput, affiliate: AffiliateContact): ComposedMail[] {
  const sale = formatMoney(input.saleMinor, input.currency);
  const commission = formatMoney(input.commissionMinor, input.commissionCurrency);
  const held = input.flag !== null;
  const why = input.flag === "code-only" ? "it was made with your discount code alone (no referral link)" : "it looks like a self-referral";
  const facts: Array<readonly [string, string]> = [
    ["Course", input.courseName],
    ["Sale amount", sale],
    [held ? "Commission if approved" : "Your commission", commission],
  ];
  if (!held && input.payableAt !== null) facts.push(["Payable from", formatDate(input.payableAt)]);

  const blocks: Block[] = held
    ? [
        { type: "paragraph", text: greeting(affiliate.name) },
        {
          type: "notice",
          text: `A sale of ${input.courseName} was credited to you, but ${why}, so it awaits review by ${input.programName} before any commission is payable.`,
        },
        { type: "facts", rows: facts },
      ]
    : [
        { type: "paragraph", text: greeting(affiliate.name) },
        { type: "paragraph", text: `You just earned ${commission} from a sale of ${input.courseName}.` },
        { type: "facts", rows: facts },
        {
          type: "paragraph",
          text: "The commission becomes payable once the refund window has passed; a refund before then reduces it.",
        },
      ];
  blocks.push({ type: "link", label: "Open your affiliate portal", url: input.portalUrl });

  return composeMail({
    kind: "sale-affiliate",
    subjectKey: input.orderKey,
    recipient: affiliateRecipient(affiliate),
    to: [affiliate.email],
    subject: held
      ? `A sale of ${input.courseName} awaits review`
      : `You just earned ${commission}: ${input.courseName}`,
    blocks,
  });
}

function reviewNotices(input: SaleEmailInput): string[] {
  const notices: string[] = [];
  if (input.affiliate !== null && input.flag === "self-referral") {
    notices.push(
      `Needs review: this looks like a self-referral by ${input.affiliate.name}. The commission is held until you approve or reject it.`,
    );
  }
  if (input.affiliate !== null && input.flag === "code-only") {
    notices.push(
      `Needs review: this sale was credited to ${input.affiliate.name} by their discount code alone, and you review their code-only sales. The commission is held until you approve it.`,
    );
  }
  if (input.affiliate === null && input.candidateRef !== null) {
    notices.push(
      `Needs review: the order carried the affiliate reference "${input.candidateRef}", which matches no active affiliate. Check whether it should be attributed.`,
    );
  }
  return notices;
}

function ownerSaleMail(input: SaleEmailInput): ComposedMail[] {
  const sale = formatMoney(input.saleMinor, input.currency);
  const { affiliate } = input;
  const notices = reviewNotices(input);
  const facts: Array<readonly [string, string]> = [
    ["Course", input.courseName],
    ["Sale amount", sale],
    ["Sold", formatDate(input.soldAt)],
    ["Customer", input.customerEmail ?? "(not given)"],
    ["Affiliate", affiliate === null ? "Unattributed" : `${affiliate.name} <${affiliate.email}>`],
    ["Attribution", input.attributionReason],
  ];
  if (affiliate !== null) {
    facts.push(["Commission", formatMoney(input.commissionMinor, input.commissionCurrency)]);
    if (input.payableAt !== null) facts.push(["Payable from", formatDate(input.payableAt)]);
  }
  facts.push(["Order", input.orderKey]);

  const who = affiliate === null ? "unattributed" : `via ${affiliate.name}`;
  return composeMail({
    kind: "sale-owner",
    subjectKey: input.orderKey,
    recipient: OWNER_RECIPIENT,
    to: input.ownerEmails,
    subject: `${notices.length > 0 ? "[Needs review] " : ""}New sale: ${input.courseName} (${sale}), ${who}`,
    blocks: [
      ...notices.map((text): Block => ({ type: "notice", text })),
      { type: "facts", rows: facts },
      { type: "link", label: "Open the portal", url: input.portalUrl },
    ],
  });
}

/** The emails a newly seen sale sends: none for test events. */
export function saleEmails(input: SaleEmailInput): ComposedMail[] {
  if (input.test) return [];
  const toAffiliate =
    input.affiliate !== null && (input.commissionMinor > 0 || input.flag !== null)
      ? affiliateSaleMail(input, input.affiliate)
      : [];
  return [...toAffiliate, ...ownerSaleMail(input)];
}
