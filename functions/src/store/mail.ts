import * as logger from "firebase-functions/logger";
import { mailDocIdOf, mailDocSchema, type ComposedMail } from "../emails/mail-doc.js";
import { db, FieldValue, isAlreadyExists, type Transaction } from "./firestore.js";

/** The validated `mail/{id}` document, or null (logged) when it would not pass the extension's checks. */
function mailDocument(mail: ComposedMail): { id: string; data: Record<string, unknown> } | null {
  const id = mailDocIdOf(mail);
  const doc = mailDocSchema.safeParse(mail.doc);
  if (!doc.success) {
    logger.error("mail not queued: invalid document", { id, kind: mail.kind, issues: doc.error.issues.map((i) => i.message) });
    return null;
  }
  return { id, data: { ...doc.data, kind: mail.kind, subjectKey: mail.subjectKey, createdAt: FieldValue.serverTimestamp() } };
}

/**
 * Queues emails with the other writes of a transaction, so the mail exists exactly when what it
 * announces does. Only for mails whose id is new with that change (it includes the change's time):
 * create() on an existing id fails the transaction.
 */
export function queueMailsIn(tx: Transaction, mails: readonly ComposedMail[]): void {
  for (const mail of mails) {
    const doc = mailDocument(mail);
    if (doc) tx.create(db().collection("mail").doc(doc.id), doc.data);
  }
}

/**
 * Queues emails for the Trigger Email extension. The id is derived from (kind, subject, recipient)
 * and written with create(), so a trigger that fires again queues nothing twice; this runs outside
 * any transaction, so a retried transaction can never send. Returns how many were newly queued.
 *
 * A mail that fails validation (say, an affiliate address stored in a shape no mail server takes) is
 * logged and skipped rather than thrown: the triggers retry on errors, and retrying cannot fix it,
 * so throwing would only repeat the failure for days while the other emails are already queued.
 */
export async function queueMails(mails: readonly ComposedMail[]): Promise<number> {
  const results = await Promise.all(
    mails.map(async (mail) => {
      const doc = mailDocument(mail);
      if (!doc) return 0;
      try {
        await db().collection("mail").doc(doc.id).create(doc.data);
        return 1;
      } catch (err) {
        if (isAlreadyExists(err)) return 0;
        throw err;
      }
    }),
  );
  return results.reduce<number>((a, b) => a + b, 0);
}
