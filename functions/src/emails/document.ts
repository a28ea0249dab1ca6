import { escapeHtml, singleLine } from "./escape.js";
import type { Block } from "./render.js";

// Every email's HTML part is a whole document built here: what mail clients need to show it as
// written (doctype, charset, viewport for phones, a hidden preheader for the inbox preview line) and
// a layout of nested presentation tables with inline styles, the one structure Outlook's Word
// engine, Gmail (which drops <style> in some views) and Apple Mail all lay out the same way.

const PAGE_BACKGROUND = "#f3f4f6";
const CARD = "width:100%;max-width:600px;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px";
const CELL = "padding:24px 28px";
const FOOTER = "padding:12px 28px;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:1.4;color:#6b7280";
/** Inbox previews run to about 100–150 characters. */
const PREHEADER_MAX = 150;
// Zero-width joiners and spaces after the preheader keep the body's first words out of the preview.
const PREHEADER_FILL = "&#847;&zwnj;&nbsp;".repeat(40);
const FOOTER_TEXT = "Sent automatically by the affiliate program.";

/** The inbox preview line: the first sentence that is not the greeting, or the subject. */
export function previewText(subject: string, blocks: readonly Block[]): string {
  const first = blocks.find((b): b is Extract<Block, { type: "paragraph" | "notice" }> => (b.type === "paragraph" || b.type === "notice") && !/^Hi\b/.test(b.text));
  const text = singleLine(first?.text ?? subject);
  return text.length <= PREHEADER_MAX ? text : `${text.slice(0, PREHEADER_MAX - 1).trimEnd()}…`;
}

export interface EmailDocumentParts {
  subject: string;
  preheader: string;
  /** Already-escaped body markup from renderBody. */
  bodyHtml: string;
}

/** A complete HTML email around a rendered body; every text value is escaped here. */
export function emailDocument(parts: EmailDocumentParts): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en" xmlns="http://www.w3.org/1999/xhtml">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
    '<meta name="x-apple-disable-message-reformatting">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(singleLine(parts.subject))}</title>`,
    "</head>",
    `<body style="margin:0;padding:0;width:100%;background:${PAGE_BACKGROUND}">`,
    `<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:${PAGE_BACKGROUND}">${escapeHtml(parts.preheader)}${PREHEADER_FILL}</div>`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;background:${PAGE_BACKGROUND}">`,
    '<tr><td align="center" style="padding:24px 12px">',
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="${CARD}">`,
    `<tr><td style="${CELL}">${parts.bodyHtml}</td></tr>`,
    "</table>",
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px">`,
    `<tr><td style="${FOOTER}">${FOOTER_TEXT}</td></tr>`,
    "</table>",
    "</td></tr>",
    "</table>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
