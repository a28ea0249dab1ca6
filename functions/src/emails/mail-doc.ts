import { createHash } from "node:crypto";
import { z } from "zod";
import { isEmailAddress } from "../../../contracts/email-address.js";

/**
 * What we write to `mail/{id}` for the Trigger Email extension (firebase/firestore-send-email).
 * Never `delivery`: the extension owns it, and a write that drops it makes the extension start over
 * and send again. `from`/`replyTo` are left to the extension's configured defaults.
 */
export interface MailDoc {
  to: string[];
  message: { subject: string; text: string; html: string };
}

/** A composed email and the parts its deterministic document id is made of. */
export interface ComposedMail {
  /** What kind of email this is, e.g. "sale-affiliate"; also the readable prefix of the id. */
  kind: string;
  /** The thing the email is about, e.g. an order key or `orderKey/eventKey`. */
  subjectKey: string;
  /** Who it is for, stable across retries: "owner" or "affiliate:{affiliateId}". */
  recipient: string;
  doc: MailDoc;
}

// One plain address per entry, the pattern the rules check payout emails with (contracts/email-address.ts).
const emailAddress = z.string().refine(isEmailAddress, "must be one plain email address");

const noLineBreaks = /^[^\r\n]*$/;

/**
 * Mirrors the extension's own validation (validation.ts: a `message` with a string `subject` and a
 * `text` or `html`, at least one recipient) for the subset we write, and is stricter: both bodies,
 * a one-line subject, and no unknown keys, so a `delivery` field is rejected.
 */
export const mailDocSchema = z.strictObject({
  to: z.array(emailAddress).min(1),
  message: z.strictObject({
    subject: z.string().min(1).regex(noLineBreaks, "subject must be one line"),
    text: z.string().min(1),
    html: z.string().min(1),
  }),
});

/** Lower-case letters, digits and dashes only, so the prefix is safe in a Firestore id and in logs. */
function sanitizeKind(kind: string): string {
  const cleaned = kind
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return cleaned === "" ? "mail" : cleaned;
}

/**
 * The same (kind, subjectKey, recipient) always gives the same id, so a trigger that fires twice
 * targets the same document. NUL separates the parts because none of them can contain it, which
 * keeps ("a", "b/c") and ("a/b", "c") apart.
 */
export function mailDocId(kind: string, subjectKey: string, recipient: string): string {
  const digest = createHash("sha256").update([kind, subjectKey, recipient].join("\u0000")).digest("hex");
  return `${sanitizeKind(kind)}-${digest.slice(0, 40)}`;
}

export function mailDocIdOf(mail: ComposedMail): string {
  return mailDocId(mail.kind, mail.subjectKey, mail.recipient);
}

/** Trimmed and de-duplicated ignoring case (the first spelling wins); blanks are dropped. */
export function normalizeRecipients(addresses: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const address of addresses) {
    const clean = address.trim();
    const key = clean.toLowerCase();
    if (clean !== "" && !byKey.has(key)) byKey.set(key, clean);
  }
  return [...byKey.values()];
}
