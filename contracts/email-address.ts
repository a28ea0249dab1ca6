// One plain email address, as one pattern for every side: the mail documents the functions queue
// (functions/src/emails/mail-doc.ts), the portal's form checks, and firestore.rules
// (`validPayoutEmail`, which repeats this text: contracts/email-address.test.ts compares them). So an
// address the rules let an affiliate save is one a mail can be sent to. No whitespace, comma,
// semicolon, quote, parenthesis or angle bracket, so one stored value never expands into several
// recipients or a display-name trick; a dot in the domain, not at its end. The `\t\r\n` escapes mean
// the same in a TypeScript and in a rules string.
export const EMAIL_PATTERN = '[^@<>,;"() \t\r\n]+@[^@<>,;"() \t\r\n]+[.][^@<>,;"() \t\r\n.]+';

export const MAX_EMAIL_LENGTH = 254;

const EMAIL_ADDRESS = new RegExp(`^(?:${EMAIL_PATTERN})$`);

export function isEmailAddress(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL_ADDRESS.test(value);
}
