import { describe, expect, it } from "vitest";
import { keyOrNull } from "./api-keys.js";

// The console's "reconciliation is off" comes from here; showing it in Chromium would need the
// functions restarted without a key, so the parsing of the secret is tested on its own.
describe("API keys", () => {
  it("treat a blank key or `off` (any case, padded) as no key", () => {
    for (const off of ["", "  ", "off", "OFF", " Off "]) expect(keyOrNull(off)).toBeNull();
    expect(keyOrNull(" pdl_live_123 ")).toBe("pdl_live_123");
  });
});
