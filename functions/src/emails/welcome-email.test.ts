import { describe, expect, it } from "vitest";
import { mailDocIdOf, mailDocSchema } from "./mail-doc.js";
import { welcomeEmail, type WelcomeEmailInput } from "./welcome-email.js";

function input(overrides: Partial<WelcomeEmailInput> = {}): WelcomeEmailInput {
  return {
    programName: "Acme Courses",
    affiliate: { id: "aff1", name: "Ana", email: "ana@aff.example" },
    links: [
      { courseName: "TypeScript Deep Dive", url: "https://acme.example/ts?aff=ana" },
      { courseName: "Rust for Humans", url: "https://acme.example/rust?aff=ana&x=1" },
    ],
    discountCode: "ANA10",
    portalUrl: "https://acme.example/portal",
    ...overrides,
  };
}

function only(mails: ReturnType<typeof welcomeEmail>) {
  expect(mails).toHaveLength(1);
  const [mail] = mails;
  if (mail === undefined) throw new Error("no mail");
  return mail;
}

describe("welcomeEmail", () => {
  it("sends the affiliate their links, discount code and how to sign in", () => {
    const mail = only(welcomeEmail(input()));
    expect(mail.doc.to).toEqual(["ana@aff.example"]);
    expect(mail.doc.message.subject).toBe("Welcome to Acme Courses: your affiliate links");
    const { text, html } = mail.doc.message;
    expect(text).toContain("- TypeScript Deep Dive: https://acme.example/ts?aff=ana");
    expect(text).toContain("Your discount code: ANA10");
    expect(text).toContain("sign in with ana@aff.example");
    expect(text).toContain("Open your affiliate portal: https://acme.example/portal");
    expect(html).toContain('<a href="https://acme.example/rust?aff=ana&amp;x=1" style="color:#2563eb">Rust for Humans</a>');
  });

  it("leaves out the discount code when there is none and explains missing links", () => {
    const text = only(welcomeEmail(input({ discountCode: null, links: [] }))).doc.message.text;
    expect(text).not.toContain("discount code");
    expect(text).toContain("Your links will appear in the portal");
  });

  it("escapes names and course titles, and never makes a javascript: URL clickable", () => {
    const html = only(
      welcomeEmail(
        input({
          affiliate: { id: "aff1", name: "<script>n()</script>", email: "ana@aff.example" },
          links: [{ courseName: "<script>c()</script>", url: "javascript:alert(1)" }],
        }),
      ),
    ).doc.message.html;
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;n()&lt;/script&gt;");
    expect(html).toContain("&lt;script&gt;c()&lt;/script&gt;: javascript:alert(1)");
  });

  it("produces a valid document whose id depends on the affiliate only", () => {
    const mail = only(welcomeEmail(input()));
    expect(mailDocSchema.safeParse(mail.doc).success).toBe(true);
    expect(mailDocIdOf(mail)).toBe(mailDocIdOf(only(welcomeEmail(input({ links: [] })))));
  });
});
