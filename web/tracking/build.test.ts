/// <reference types="node" />
import { Script } from "node:vm";
import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { AFFILIATE_ID } from "../../contracts/affiliates";
import { buildTrackingScript } from "./build.ts";

describe("buildTrackingScript", () => {
  test("stays within the 1 KiB gzip budget (issue 14: at most 1,024 B)", async () => {
    const built = await buildTrackingScript();
    expect(built.raw).toBe(Buffer.byteLength(built.code));
    expect(built.gzip).toBeLessThanOrEqual(1024);
    expect(built.brotli).toBeLessThan(built.gzip);
  });

  test("checks ids with the shared affiliate id pattern, character for character", async () => {
    const source = readFileSync(new URL("./track.js", import.meta.url), "utf8");
    expect(source).toContain(`/${AFFILIATE_ID.source}/.test(`);
    expect((await buildTrackingScript()).code).toContain(`/${AFFILIATE_ID.source}/.test(`);
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
