import { describe, expect, it } from "vitest";
import { csvRecords, parseCsv } from "../../lib/csv";
import type { Commission } from "../../types/models";
import { affiliateCommissionsCsv } from "./commissions-csv";

const commission = (over: Partial<Commission>): Commission => ({
  id: "paddle_txn_1",
  affiliateId: "aff1",
  orderKey: "paddle_txn_1",
  platform: "paddle",
  courseId: "ts",
  courseName: "TypeScript",
  saleAt: new Date("2026-10-01T10:00:00Z"),
  payableAt: new Date("2026-10-31T10:00:00Z"),
  currency: "USD",
  saleMinor: 9900,
  commissionMinor: 4950,
  originalCommissionMinor: 4950,
  rateBps: 5000,
  status: "pending",
  test: false,
  payment: null,
  ...over,
});

describe("affiliate commissions CSV", () => {
  const now = new Date("2026-11-15T00:00:00Z");

  it("has one line per commission with decimals in the currency's digits and the status the table shows", () => {
    const csv = affiliateCommissionsCsv([commission({}), commission({ id: "b", currency: "JPY", saleMinor: 5000, commissionMinor: 1250, originalCommissionMinor: 2500, status: "refunded", payableAt: null })], now);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csvRecords(parseCsv(csv))).toEqual([
      { sale_date: "2026-10-01", course: "TypeScript", currency: "USD", sale: "99.00", commission: "49.50", original_commission: "49.50", status: "Payable", payable_date: "2026-10-31", test: "no" },
      { sale_date: "2026-10-01", course: "TypeScript", currency: "JPY", sale: "5000", commission: "1250", original_commission: "2500", status: "Refunded", payable_date: "", test: "no" },
    ]);
  });

  it("defuses a course name a spreadsheet would run as a formula", () => {
    const csv = affiliateCommissionsCsv([commission({ courseName: '=HYPERLINK("http://evil.example","x")' }), commission({ courseName: "@SUM(A1)" })], now);
    const [, first, second] = parseCsv(csv);
    expect(first?.[1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(second?.[1]).toBe("'@SUM(A1)");
  });

  it("names no customer and no order field beyond what the portal shows, even with no commissions", () => {
    expect(affiliateCommissionsCsv([], now)).toBe("sale_date,course,currency,sale,commission,original_commission,status,payable_date,test\r\n");
  });
});
