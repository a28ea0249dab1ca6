import { describe, expect, it } from "vitest";
import type { AffiliateCandidate } from "./attribution.js";
import { rateOf } from "./rates.js";

const ada = (over: Partial<AffiliateCandidate> = {}): AffiliateCandidate => ({ id: "aff_ada", status: "active", email: null, rateBps: null, courseRates: {}, codeOnlyApproval: false, ...over });
const course = { id: "ts-course", rateBps: 3000 };

describe("rateOf: affiliate-and-course, then affiliate, then course, then program", () => {
  it("takes the affiliate's rate for this course first", () => {
    expect(rateOf(ada({ rateBps: 2000, courseRates: { "ts-course": 4000 } }), course, 5000)).toEqual({ rateBps: 4000, source: "affiliate_course" });
  });
  it("then the affiliate's own rate, over the course's", () => {
    expect(rateOf(ada({ rateBps: 2000, courseRates: { other: 4000 } }), course, 5000)).toEqual({ rateBps: 2000, source: "affiliate" });
  });
  it("then the course's rate", () => {
    expect(rateOf(ada(), course, 5000)).toEqual({ rateBps: 3000, source: "course" });
  });
  it("then the program's", () => {
    expect(rateOf(ada(), { id: "ts-course", rateBps: null }, 5000)).toEqual({ rateBps: 5000, source: "program" });
    expect(rateOf(ada({ courseRates: { "ts-course": 4000 } }), null, 5000)).toEqual({ rateBps: 5000, source: "program" });
  });
  it("keeps a rate of 0 at its level", () => {
    expect(rateOf(ada({ courseRates: { "ts-course": 0 } }), course, 5000)).toEqual({ rateBps: 0, source: "affiliate_course" });
    expect(rateOf(ada(), { id: "x", rateBps: 0 }, 5000)).toEqual({ rateBps: 0, source: "course" });
  });
});
