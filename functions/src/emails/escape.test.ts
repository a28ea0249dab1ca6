import { describe, expect, it } from "vitest";
import { escapeHtml, isWebUrl, singleLine } from "./escape.js";

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
    );
  });

  it("leaves ordinary text alone, including non-ASCII", () => {
    expect(escapeHtml("Zoë's café")).toBe("Zoë&#39;s café");
    expect(escapeHtml("Plain course 101")).toBe("Plain course 101");
  });

  it("escapes an already-escaped entity again (no double-decoding surprises)", () => {
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });
});

describe("singleLine", () => {
  it("removes CR/LF so a subject cannot inject headers", () => {
    expect(singleLine("Course\r\nBcc: victim@example.com")).toBe("Course Bcc: victim@example.com");
  });

  it("removes other line separators and control characters, and trims", () => {
    expect(singleLine("  a\u2028b\u0085c\td\u0000e  ")).toBe("a b c d e");
  });

  it("collapses the spaces it leaves behind", () => {
    expect(singleLine("a \n\n b")).toBe("a b");
  });
});

describe("isWebUrl", () => {
  it.each([
    ["https://example.com/p?a=1", true],
    ["http://localhost:5173/", true],
    ["javascript:alert(1)", false],
    ["data:text/html,<b>x</b>", false],
    ["not a url", false],
  ])("%s -> %s", (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });
});
