import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./paths";

// What a deploy uploads is functions/ alone, so its bundle must carry contracts/ inside and must
// not carry test helpers. This builds it exactly as `npm run build --workspace functions` does.
describe("the functions bundle", () => {
  const dir = mkdtempSync(join(tmpdir(), "functions-build-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("inlines contracts/, reaches outside functions/ for nothing else, and holds no test-only code", () => {
    const outfile = join(dir, "lib", "index.js");
    execFileSync(process.execPath, [join(repoRoot, "functions", "build.mjs"), "--outfile", outfile], { stdio: "pipe" });
    const { sources } = JSON.parse(readFileSync(`${outfile}.map`, "utf8")) as { sources: string[] };
    const fromRoot = sources.map((source) => relative(repoRoot, resolve(dirname(outfile), source)));
    expect(fromRoot).toContain("contracts/ids.ts");
    expect(fromRoot).toContain("functions/src/index.ts");
    expect(fromRoot.filter((path) => !path.startsWith("functions/src/") && !path.startsWith("contracts/"))).toEqual([]);
    expect(fromRoot.filter((path) => path.endsWith(".test.ts"))).toEqual([]);
    // Packages stay external (installed from functions/package.json); no relative file is required at run time.
    const code = readFileSync(outfile, "utf8");
    expect(code).toMatch(/require\("firebase-functions\/https"\)/);
    expect(code).not.toMatch(/require\("\.\.?\//);
  }, 60_000);
});
