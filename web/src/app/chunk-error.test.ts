import { describe, expect, it } from "vitest";
import { isChunkLoadError } from "./chunk-error";

describe("isChunkLoadError", () => {
  it.each([
    "Failed to fetch dynamically imported module: https://portal.test/assets/dashboard-abc.js",
    "error loading dynamically imported module: https://portal.test/assets/dashboard-abc.js",
    "Importing a module script failed.",
    "Unable to preload CSS for /assets/dashboard-abc.css",
  ])("knows %s", (message) => {
    expect(isChunkLoadError(new TypeError(message))).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isChunkLoadError(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isChunkLoadError({ status: 404 })).toBe(false);
    expect(isChunkLoadError(null)).toBe(false);
  });
});
