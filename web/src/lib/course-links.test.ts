import { describe, expect, it } from "vitest";
import { buildCourseLinks, directCourseUrl, pickDiscountCode } from "./course-links";

describe("buildCourseLinks", () => {
  const courses = [
    { id: "ts-101", name: "TypeScript 101", siteUrl: "https://courses.example.com/ts" },
    { id: "sql", name: "SQL", siteUrl: "https://sql.example.com/?utm_source=x#buy" },
  ];

  it("builds the redirect link with the slug and the direct link with the uid", () => {
    expect(buildCourseLinks(courses, "https://aff.example.com", "uid123", "ada", null)).toEqual([
      { courseId: "ts-101", courseName: "TypeScript 101", trackedUrl: "https://aff.example.com/r/ada/ts-101", directUrl: "https://courses.example.com/ts?affiliateId=uid123" },
      { courseId: "sql", courseName: "SQL", trackedUrl: "https://aff.example.com/r/ada/sql", directUrl: "https://sql.example.com/?utm_source=x&affiliateId=uid123#buy" },
    ]);
  });

  it("falls back to the uid without a slug", () => {
    expect(buildCourseLinks(courses, "http://127.0.0.1:5000", "uid123", null, null)[0]?.trackedUrl).toBe("http://127.0.0.1:5000/r/uid123/ts-101");
  });
});

describe("directCourseUrl", () => {
  it("replaces an existing affiliateId and rejects non-web URLs", () => {
    expect(directCourseUrl("https://x.example.com/?affiliateId=old", "new")).toBe("https://x.example.com/?affiliateId=new");
    expect(directCourseUrl("", "a")).toBeNull();
    expect(directCourseUrl("https://x.example.com/ts#buy", "ada", "ADA15")).toBe("https://x.example.com/ts?affiliateId=ada&code=ADA15#buy");
    // t.js would not keep it, so the link does not carry it.
    expect(directCourseUrl("https://x.example.com/", "ada", "a&b")).toBe("https://x.example.com/?affiliateId=ada");
    expect(directCourseUrl("javascript:alert(1)", "a")).toBeNull();
  });
});

describe("pickDiscountCode", () => {
  it("prefers the affiliate's code", () => {
    expect(pickDiscountCode("ADA10", "SPRING")).toBe("ADA10");
    expect(pickDiscountCode(null, "SPRING")).toBe("SPRING");
    expect(pickDiscountCode("", "")).toBeNull();
    expect(pickDiscountCode(undefined, null)).toBeNull();
  });
});
