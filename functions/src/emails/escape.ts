// Every user-supplied string (affiliate names, course titles, codes, customer emails) reaches an
// email through these two functions, so neither markup nor extra headers can be smuggled in.

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/**
 * One line of plain text, safe for a header such as Subject: CR, LF and the other line breaks a
 * mail library might honour become spaces, so a course title cannot start a new header.
 */
export function singleLine(text: string): string {
  return text
    // Control characters are exactly what this must match.
    // eslint-disable-next-line no-control-regex
    .replace(/[\r\n\u0085\u2028\u2029\u0000-\u001f\u007f]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/**
 * Only http(s) URLs become links: a `javascript:` or `data:` URL stored by mistake (or by an
 * attacker with write access to a course) is shown as text instead of being made clickable.
 */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}
