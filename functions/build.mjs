// Builds what Firebase deploys and the Functions emulator loads: one CommonJS file, lib/index.js.
// A deploy uploads this folder only, so the shared contracts/ beside it are bundled in; packages
// stay external and are installed from package.json. Type checking is `tsc --noEmit` (npm run typecheck).
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";

const here = import.meta.dirname;
const { values } = parseArgs({ options: { outfile: { type: "string", default: join(here, "lib", "index.js") } } });
const outfile = values.outfile;

rmSync(dirname(outfile), { recursive: true, force: true });
const result = await build({
  entryPoints: [join(here, "src", "index.ts")],
  bundle: true,
  platform: "node",
  packages: "external",
  format: "cjs",
  target: "node20",
  sourcemap: true,
  outfile,
  metafile: true,
  logLevel: "warning",
});

// Test helpers (signing, fixtures) must never be deployed: refuse a bundle that reached any.
const root = join(here, "..");
const testOnly = Object.keys(result.metafile.inputs)
  .map((input) => relative(root, join(process.cwd(), input)))
  .filter((path) => /(^|\/)(tests|scripts)\/|\.test\.ts$|\/testing\//.test(path));
if (testOnly.length > 0) throw new Error(`The functions bundle imports test-only code: ${testOnly.join(", ")}`);
