import { describe, expect, test } from "vitest";
import { mailDocSchema } from "./mail-doc.js";
import { signInEmail } from "./sign-in-email.js";

describe("signInEmail", () => {
  const input = { programName: "TypeScript Academy", email: "ada@example.com", link: "https://demo.firebaseapp.com/__/auth/action?mode=signIn&oobCode=abc&continueUrl=x", requestId: "r1" };

  test("carries the link in both bodies, branded with the program's name", () => {
    const [mail] = signInEmail(input);
    expect(mail?.kind).toBe("sign-in-link");
    expect(mailDocSchema.parse(mail?.doc)).toMatchObject({ to: ["ada@example.com"], message: { subject: "Your sign-in link for TypeScript Academy" } });
    expect(mail?.doc.message.text).toContain(input.link);
    expect(mail?.doc.message.html).toContain(`href="${input.link.replace(/&/g, "&amp;")}"`);
  });

  test("every request is a new email", () => {
    expect(signInEmail(input)[0]?.subjectKey).not.toBe(signInEmail({ ...input, requestId: "r2" })[0]?.subjectKey);
  });
});
