import { affiliateRecipient, composeMail, greeting, type AffiliateContact } from "./compose.js";
import type { ComposedMail } from "./mail-doc.js";
import type { Block } from "./render.js";

export interface WelcomeEmailInput {
  programName: string;
  affiliate: AffiliateContact;
  links: ReadonlyArray<{ courseName: string; url: string }>;
  discountCode: string | null;
  portalUrl: string;
}

/** The email an affiliate receives when the owner approves them. */
export function welcomeEmail(input: WelcomeEmailInput): ComposedMail[] {
  const { affiliate } = input;
  const blocks: Block[] = [
    { type: "paragraph", text: greeting(affiliate.name) },
    { type: "paragraph", text: `You are now an affiliate of ${input.programName}.` },
  ];
  if (input.links.length > 0) {
    blocks.push(
      { type: "paragraph", text: "Share these links; purchases made through them are credited to you:" },
      { type: "links", items: input.links.map((link) => ({ label: link.courseName, url: link.url })) },
    );
  } else {
    blocks.push({ type: "paragraph", text: "Your links will appear in the portal as soon as a course is available." });
  }
  if (input.discountCode !== null && input.discountCode.trim() !== "") {
    blocks.push({ type: "facts", rows: [["Your discount code", input.discountCode]] });
  }
  blocks.push(
    {
      type: "paragraph",
      text: `To see your clicks, sales and payouts, open the portal and sign in with ${affiliate.email}. We email you a sign-in link; there is no password.`,
    },
    { type: "link", label: "Open your affiliate portal", url: input.portalUrl },
  );

  return composeMail({
    kind: "welcome-affiliate",
    subjectKey: affiliate.id,
    recipient: affiliateRecipient(affiliate),
    to: [affiliate.email],
    subject: `Welcome to ${input.programName}: your affiliate links`,
    blocks,
  });
}
