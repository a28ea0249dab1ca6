import { composeMail } from "./compose.js";
import type { ComposedMail } from "./mail-doc.js";

export interface SignInEmailInput {
  programName: string;
  email: string;
  /** The one-time link from the Admin SDK. */
  link: string;
  /** Each request is its own email: a new link makes the older ones useless anyway. */
  requestId: string;
}

/** The email with a sign-in link, sent only to addresses that can sign in. */
export function signInEmail(input: SignInEmailInput): ComposedMail[] {
  return composeMail({
    kind: "sign-in-link",
    subjectKey: input.requestId,
    recipient: `email:${input.email}`,
    to: [input.email],
    subject: `Your sign-in link for ${input.programName}`,
    blocks: [
      { type: "paragraph", text: "Hi," },
      { type: "paragraph", text: `Someone, hopefully you, asked to sign in to the ${input.programName} affiliate portal as ${input.email}.` },
      { type: "link", label: "Sign in", url: input.link },
      { type: "paragraph", text: "The link works once. Open it in the browser where you asked for it; elsewhere you will be asked for your email address again." },
      { type: "paragraph", text: "If you did not ask for it, ignore this email: nobody can sign in without opening the link." },
    ],
  });
}
