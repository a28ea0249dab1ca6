import { mailDocIdOf, mailDocSchema, type ComposedMail } from "../emails/mail-doc.js";
import { db, FieldValue } from "./firestore.js";

/**
 * Queues emails for the Trigger Email extension. The id is derived from (kind, subject, recipient)
 * and written with create(), so a trigger that fires again queues nothing twice; this runs outside
 * any transaction, so a retried transaction can never send.
 */
export async function queueMails(mails: readonly ComposedMail[]): Promise<number> {
  const results = await Promise.all(
    mails.map(async (mail) => {
      try {
        await db()
          .collection("mail")
          .doc(mailDocIdOf(mail))
          .create({ ...mailDocSchema.parse(mail.doc), kind: mail.kind, subjectKey: mail.subjectKey, createdAt: FieldValue.serverTimestamp() });
        return 1;
      } catch (err) {
        if (typeof err === "object" && err !== null && (err as { code?: unknown }).code === 6) return 0;
        throw err;
      }
    }),
  );
  return results.reduce<number>((a, b) => a + b, 0);
}
