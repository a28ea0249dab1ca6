import { describe, expect, it } from "vitest";
import { renderBody } from "./render.js";

describe("renderBody", () => {
  const body = renderBody([
    { type: "paragraph", text: "Hi <Ana>," },
    { type: "notice", text: "Needs review" },
    { type: "facts", rows: [["Course", "A & B"]] },
    { type: "list", items: ["one"] },
    { type: "link", label: "Portal", url: "https://acme.example/p?a=1&b=2" },
  ]);

  it("renders the same content as plain text, blocks separated by blank lines", () => {
    expect(body.text).toBe(
      "Hi <Ana>,\n\n>> Needs review\n\nCourse: A & B\n\n- one\n\nPortal: https://acme.example/p?a=1&b=2\n",
    );
  });

  it("renders escaped, inline-styled HTML", () => {
    expect(body.html).toMatch(/^<div style="font-family:[^"]+">.*<\/div>$/);
    expect(body.html).toContain('<p style="margin:0 0 14px">Hi &lt;Ana&gt;,</p>');
    expect(body.html).toContain(">A &amp; B</td>");
    expect(body.html).toContain('<a href="https://acme.example/p?a=1&amp;b=2" style="color:#2563eb">Portal</a>');
    expect(body.html).not.toContain("<Ana>");
  });
});
