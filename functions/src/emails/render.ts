import { escapeHtml, isWebUrl } from "./escape.js";

// Emails are written as a list of blocks and rendered twice, to plain text and to HTML, so the two
// bodies always say the same thing and escaping happens here, in one place, for every value.

export type Block =
  | { type: "paragraph"; text: string }
  /** Highlighted line for something the reader must act on or be aware of. */
  | { type: "notice"; text: string }
  | { type: "facts"; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { type: "list"; items: readonly string[] }
  | { type: "link"; label: string; url: string }
  /** A list of labelled links, e.g. one tracking link per course. */
  | { type: "links"; items: ReadonlyArray<{ label: string; url: string }> };

const WRAPPER =
  "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2937;max-width:560px";
const P = "margin:0 0 14px";
const NOTICE = "margin:0 0 14px;padding:10px 12px;background:#fef3c7;border-left:4px solid #d97706";
const TD_LABEL = "padding:2px 16px 2px 0;color:#6b7280;vertical-align:top";
const TD_VALUE = "padding:2px 0;font-weight:bold";
const A = "color:#2563eb";

function linkHtml(label: string, url: string): string {
  return isWebUrl(url)
    ? `<a href="${escapeHtml(url)}" style="${A}">${escapeHtml(label)}</a>`
    : `${escapeHtml(label)}: ${escapeHtml(url)}`;
}

function blockText(block: Block): string {
  switch (block.type) {
    case "paragraph":
      return block.text;
    case "notice":
      return `>> ${block.text}`;
    case "facts":
      return block.rows.map(([label, value]) => `${label}: ${value}`).join("\n");
    case "list":
      return block.items.map((item) => `- ${item}`).join("\n");
    case "link":
      return `${block.label}: ${block.url}`;
    case "links":
      return block.items.map((item) => `- ${item.label}: ${item.url}`).join("\n");
  }
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case "paragraph":
      return `<p style="${P}">${escapeHtml(block.text)}</p>`;
    case "notice":
      return `<p style="${NOTICE}">${escapeHtml(block.text)}</p>`;
    case "facts": {
      const rows = block.rows.map(
        ([label, value]) =>
          `<tr><td style="${TD_LABEL}">${escapeHtml(label)}</td><td style="${TD_VALUE}">${escapeHtml(value)}</td></tr>`,
      );
      return `<table role="presentation" style="${P};border-collapse:collapse">${rows.join("")}</table>`;
    }
    case "list":
      return `<ul style="${P}">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    case "link":
      return `<p style="${P}">${linkHtml(block.label, block.url)}</p>`;
    case "links":
      return `<ul style="${P}">${block.items.map((item) => `<li>${linkHtml(item.label, item.url)}</li>`).join("")}</ul>`;
  }
}

export function renderBody(blocks: readonly Block[]): { text: string; html: string } {
  return {
    text: `${blocks.map(blockText).join("\n\n")}\n`,
    html: `<div style="${WRAPPER}">${blocks.map(blockHtml).join("")}</div>`,
  };
}
