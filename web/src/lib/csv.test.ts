import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes only what needs quoting and ends lines with CRLF", () => {
    expect(toCsv([["a", "b,c", 'say "hi"', "two\nlines", 12, null]])).toBe('a,"b,c","say ""hi""","two\nlines",12,\r\n');
    expect(toCsv([])).toBe("");
  });

  it("defuses spreadsheet formulas but keeps negative numbers", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-12.50")).toBe("-12.50");
    expect(csvCell(-3)).toBe("-3");
  });

  it("round-trips through parseCsv", () => {
    const safeText = fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(safeText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        // A lone empty field is indistinguishable from an empty line; give such rows a second field.
        const fixed = rows.map((r) => (r.length === 1 && r[0] === "" ? ["", ""] : r));
        expect(parseCsv(toCsv(fixed))).toEqual(fixed);
      }),
    );
  });
});
