import { describe, expect, test } from "vitest";
import { javaMajorVersion } from "./prerequisites";

describe("javaMajorVersion", () => {
  test.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "11.0.2" 2019-01-15', 11],
  ])("%s → %i", (output, major) => {
    expect(javaMajorVersion(output)).toBe(major);
  });

  test("unknown output gives null, which the check reports as too old", () => {
    expect(javaMajorVersion("command not found")).toBeNull();
  });
});
