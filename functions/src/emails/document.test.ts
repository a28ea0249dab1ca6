import { describe, expect, it } from "vitest";
import { composeMail } from "./compose.js";
import { emailDocument, previewText } from "./document.js";
import type { Block } from "./render.js";

const blocks: Block[] = [
  { type: "paragraph", text: "Hi Ana," },
  { type: "paragraph", text: "You earned <b>$5</b> & more." },
  { type: "link", label: "Portal", url: "https://acme.example/portal" },
];

function mail(subject = "New sale: <Course> & co", parts: Block[] = blocks) {
  const [composed] = composeMail({ kind: "test", subjectKey: "k", recipient: "owner", to: ["a@x.test"], subject, blocks: parts });
  if (!composed) throw new Error("no mail");
  return composed.doc.message;
}

describe("email document", () => {
  const { html, text } = mail();

  it("is a complete HTML document a mail client lays out", () => {
    expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(html).toMatch(/<html lang="en"[^>]*>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    // Tables for layout, 600 px at most, every style inline: no <style> block a client may strip.
    expect(html).toMatch(/<table role="presentation" width="600"[^>]*max-width:600px/);
    expect(html).not.toMatch(/<style|<script|<link|class=/i);
    expect(html.match(/<table/g)?.length).toBe(html.match(/<\/table>/g)?.length);
  });

  it("carries the body and a hidden preheader with the first sentence after the greeting", () => {
    expect(html).toContain("<title>New sale: &lt;Course&gt; &amp; co</title>");
    expect(html).toMatch(/<div style="display:none;[^"]*">You earned &lt;b&gt;\$5&lt;\/b&gt; &amp; more\.&#847;/);
    expect(html).toContain('<a href="https://acme.example/portal" style="color:#2563eb">Portal</a>');
    expect(html).not.toContain("<b>");
  });

  it("leaves the text part as it was", () => {
    expect(text).toBe("Hi Ana,\n\nYou earned <b>$5</b> & more.\n\nPortal: https://acme.example/portal\n");
  });

  it("escapes a subject and a preheader with markup and line breaks", () => {
    const doc = emailDocument({ subject: "a\r\nBcc: x@y.z <i>", preheader: '"><script>x()</script>', bodyHtml: "<p>ok</p>" });
    expect(doc).toContain("<title>a Bcc: x@y.z &lt;i&gt;</title>");
    expect(doc).toContain("&quot;&gt;&lt;script&gt;x()&lt;/script&gt;");
    expect(doc).not.toContain("<script>");
  });
});

describe("previewText", () => {
  it("falls back to the subject and stays short", () => {
    expect(previewText("Subject", [{ type: "paragraph", text: "Hi," }])).toBe("Subject");
    expect(previewText("S", [{ type: "notice", text: "x ".repeat(200) }]).length).toBeLessThanOrEqual(150);
    expect(previewText("S", [{ type: "paragraph", text: "Line\none" }])).toBe("Line one");
  });
});
