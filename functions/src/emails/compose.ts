import { emailDocument, previewText } from "./document.js";
import { singleLine } from "./escape.js";
import { normalizeRecipients, type ComposedMail } from "./mail-doc.js";
import { renderBody, type Block } from "./render.js";

/** The people an email can be about. Only these three fields ever reach an affiliate's email. */
export interface AffiliateContact {
  id: string;
  name: string;
  email: string;
}

export const OWNER_RECIPIENT = "owner";

export function affiliateRecipient(affiliate: AffiliateContact): string {
  return `affiliate:${affiliate.id}`;
}

export function greeting(name: string): string {
  const clean = singleLine(name);
  return clean === "" ? "Hi," : `Hi ${clean},`;
}

interface MailParts {
  kind: string;
  subjectKey: string;
  recipient: string;
  to: readonly string[];
  subject: string;
  blocks: readonly Block[];
}

/** Builds the MailDoc, or nothing when there is no one to send it to. */
export function composeMail(parts: MailParts): ComposedMail[] {
  const to = normalizeRecipients(parts.to);
  if (to.length === 0) return [];
  const subject = singleLine(parts.subject);
  const { text, html } = renderBody(parts.blocks);
  const document = emailDocument({ subject, preheader: previewText(subject, parts.blocks), bodyHtml: html });
  return [
    {
      kind: parts.kind,
      subjectKey: parts.subjectKey,
      recipient: parts.recipient,
      doc: { to, message: { subject, text, html: document } },
    },
  ];
}
