import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EMAIL_PATTERN, isEmailAddress } from "./email-address.js";

/** The pattern inside validPayoutEmail in firestore.rules, with the rules string's escapes applied. */
function rulesPattern(): string {
  const rules = readFileSync(join(__dirname, "..", "firestore.rules"), "utf8");
  const body = /function validPayoutEmail\(value\) \{[\s\S]*?value\.matches\('((?:[^'\\]|\\.)*)'\)/.exec(rules)?.[1];
  if (body === undefined) throw new Error("validPayoutEmail has no matches('…') in firestore.rules");
  return body.replace(/\\([trn\\'])/g, (_, c: string) => ({ t: "\t", r: "\r", n: "\n" })[c] ?? c);
}

test("firestore.rules checks payout emails with exactly this pattern", () => {
  expect(rulesPattern()).toBe(EMAIL_PATTERN);
});

// functions/src/emails/mail-doc.test.ts and tests/rules/cross-cutting.test.ts try "a@b.c,x" on their side.
describe("isEmailAddress", () => {
  test.each(["alice@example.com", "alice+pay@mail.example.co.uk", "a@b.c", "o'neil@example.ie"])("accepts %s", (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });

  test.each([
    "a@b.c,x",
    "a@b.c;x@y.z",
    "Alice <alice@example.com>",
    '"alice"@example.com',
    "alice (work)@example.com",
    "alice@example",
    "alice@example.",
    "alice@@example.com",
    "@example.com",
    "alice smith@example.com",
    "alice@example.com\n",
    "alice@exa\tmple.com",
    "",
    `${"a".repeat(243)}@example.com`,
  ])("refuses %j", (address) => {
    expect(isEmailAddress(address)).toBe(false);
  });
});
