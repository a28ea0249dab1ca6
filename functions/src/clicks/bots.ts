import { isbot } from "isbot";

// Decides which requests count as a human click. A miss only inflates click stats (attribution is
// decided by checkout data), so we lean on `isbot`'s maintained pattern list (crawlers, link
// previewers, monitors, HTTP libraries) rather than keeping our own.

/**
 * True for automation and link previews. A missing or blank user agent counts as automation too
 * (`isbot` treats an empty one as human). `HeadlessChrome` counts as automation: our own browser tests
 * therefore set a normal desktop user agent on their Chromium context.
 */
export function isBotOrPreview(userAgent: string | undefined): boolean {
  const ua = userAgent?.trim() ?? "";
  return ua.length === 0 || isbot(ua);
}

/** Speculative loads (prefetch/prerender) and HEAD requests are not visits. */
export function isPrefetchOrHead(method: string, headers: Record<string, string | string[] | undefined>): boolean {
  if (method.toUpperCase() === "HEAD") return true;
  const purpose = [headers["sec-purpose"], headers["purpose"], headers["x-moz"]].flat().join(",").toLowerCase();
  return purpose.includes("prefetch") || purpose.includes("prerender");
}
