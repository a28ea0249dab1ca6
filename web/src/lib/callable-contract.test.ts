import { describe, expect, it } from "vitest";
import { callables } from "../../../contracts/callables/index";
import { CallableError, checkInput, readAnswer } from "./callable-contract";

describe("checkInput", () => {
  it("lets through what the function accepts", () => {
    expect(() => checkInput(callables.apply, { name: "Ada", email: "Ada@Example.com", website: "https://ada.dev", promotion: "A newsletter of 5,000 developers." })).not.toThrow();
    expect(() => checkInput(callables.payableNow, null)).not.toThrow();
  });

  it("refuses what the function would refuse, in the function's words", () => {
    let refused: unknown;
    try {
      checkInput(callables.updateAffiliate, { affiliateId: "aff_ada01", rateBps: 10_001, cookieDays: null, discountCode: null, slug: "admin" });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CallableError);
    expect(refused).toMatchObject({ code: "functions/invalid-argument", message: expect.stringMatching(/^Invalid input\. rateBps: .+; slug: This word is reserved\.$/) });
  });
});

describe("readAnswer", () => {
  it("returns an answer in the contract's shape", () => {
    expect(readAnswer(callables.session, "session", { role: "affiliate", status: "active", claimsChanged: true })).toEqual({ role: "affiliate", status: "active", claimsChanged: true });
  });

  it.each([
    ["an unknown role", { role: "admin", status: null, claimsChanged: false }],
    ["an unknown status", { role: "affiliate", status: "banned", claimsChanged: false }],
    ["nothing", null],
  ])("refuses %s", (_label, answer) => {
    expect(() => readAnswer(callables.session, "session", answer)).toThrow(expect.objectContaining({ code: "functions/unexpected-answer" }));
  });

  it("refuses a fractional amount in a payout report", () => {
    expect(() => readAnswer(callables.payableNow, "payableNow", { today: "2026-03-01", thresholdMinor: 50.5, rows: [] })).toThrow(CallableError);
  });
});
