import { describe, expect, it } from "vitest";
import { normaliseApplication, validateApplication, type Application } from "./validate-application";

const good: Application = { name: "Ada Lovelace", email: "ada@example.com", website: "https://ada.dev", promotion: "Newsletter with 4,000 readers about programming." };

describe("normaliseApplication", () => {
  it("trims fields and adds https:// to a bare domain", () => {
    expect(normaliseApplication({ name: " Ada ", email: " ada@example.com ", website: " ada.dev/blog ", promotion: " x " })).toEqual({
      name: "Ada",
      email: "ada@example.com",
      website: "https://ada.dev/blog",
      promotion: "x",
    });
    expect(normaliseApplication({ ...good, website: "http://ada.dev" }).website).toBe("http://ada.dev");
    expect(normaliseApplication({ ...good, website: "" }).website).toBe("");
  });
});

describe("validateApplication", () => {
  it("accepts a complete application", () => {
    expect(validateApplication(good)).toEqual({});
  });

  it("names each problem", () => {
    expect(validateApplication({ name: "", email: "ada@", website: "", promotion: "blog" })).toEqual({
      name: "Enter your name.",
      email: "Enter an email address like name@example.com.",
      website: "Enter the website or channel where you will promote the courses.",
      promotion: "Tell us a little more (at least 20 characters).",
    });
  });

  it("enforces lengths and web addresses", () => {
    expect(validateApplication({ ...good, name: "a".repeat(101) }).name).toMatch(/under 100/);
    expect(validateApplication({ ...good, website: "javascript:alert(1)" }).website).toMatch(/web address/);
    expect(validateApplication({ ...good, website: "https://localhost" }).website).toMatch(/web address/);
    expect(validateApplication({ ...good, promotion: "p".repeat(2001) }).promotion).toMatch(/under 2000/);
    expect(validateApplication({ ...good, promotion: "p".repeat(2000) })).toEqual({});
  });
});
