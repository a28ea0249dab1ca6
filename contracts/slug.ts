// Readable slugs stand in for the uid in links (/r/{slug}/{course}). They are lower case so a link
// typed by hand still works, and never shaped like a generated affiliate id.

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,30}[a-z0-9])$/;

/** Words that would read as part of the portal rather than as a person. */
const RESERVED = new Set(["admin", "owner", "api", "app", "www", "help", "support", "login", "sign-in", "apply", "dashboard", "null", "undefined"]);

export type SlugCheck = { ok: true; slug: string } | { ok: false; reason: string };

/** Trims and lower-cases, then checks the shape: 3–32 of a-z, 0-9 and inner dashes. */
export function checkSlug(input: string): SlugCheck {
  const slug = input.trim().toLowerCase();
  if (!SLUG_PATTERN.test(slug)) return { ok: false, reason: "Use 3 to 32 letters, digits or dashes, starting and ending with a letter or digit." };
  if (slug.includes("--")) return { ok: false, reason: "Use single dashes only." };
  if (RESERVED.has(slug)) return { ok: false, reason: "This word is reserved." };
  if (slug.startsWith("aff-") || slug.startsWith("aff_")) return { ok: false, reason: "Slugs may not look like affiliate ids." };
  return { ok: true, slug };
}

/** A starting suggestion from a name: "Ada Lovelace" → "ada-lovelace". */
export function suggestSlug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/g, "");
  return base.length >= 3 ? base : `${base || "partner"}-${"x".repeat(Math.max(0, 3 - base.length))}`.slice(0, 32);
}
