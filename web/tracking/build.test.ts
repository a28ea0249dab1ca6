/// <reference types="node" />
import { Script } from "node:vm";
import { describe, expect, test } from "vitest";
import { buildTrackingScript } from "./build.ts";

describe("buildTrackingScript", () => {
  test("stays within the 1 KiB gzip budget", async () => {
    const built = await buildTrackingScript();
    expect(built.raw).toBe(Buffer.byteLength(built.code));
    expect(built.gzip).toBeLessThan(1024);
    expect(built.brotli).toBeLessThan(built.gzip);
  });

  test("emits ES2017 with one global and no leftover comments", async () => {
    const { code } = await buildTrackingScript();
    // Syntax newer than ES2017 that esbuild would otherwise pass through from the source.
    expect(code).not.toMatch(/\?\.|\?\?|catch\{|\*\*/);
    expect(code).not.toContain("/*");
    expect(code.match(/window/g)).toHaveLength(1);
    expect(code).toContain(".AffTrack={id:");
    expect(() => new Script(code)).not.toThrow();
  });
});
