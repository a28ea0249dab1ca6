/// <reference types="node" />
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export interface TrackingScriptBuild {
  code: string;
  /** Bytes of the minified script, and of it compressed at the highest levels (what a CDN serves). */
  raw: number;
  gzip: number;
  brotli: number;
}

type Esbuild = typeof import("esbuild");

const SOURCE = fileURLToPath(new URL("./track.js", import.meta.url));

// esbuild is not a dependency of ours: it arrives with vite and tsx. Import it lazily so a missing
// copy is reported as such rather than as an unrelated module-resolution error.
async function loadEsbuild(): Promise<Esbuild> {
  try {
    return await import("esbuild");
  } catch (cause) {
    throw new Error("buildTrackingScript needs the `esbuild` package (normally installed with vite); it could not be imported", { cause });
  }
}

export async function buildTrackingScript(): Promise<TrackingScriptBuild> {
  const { transform } = await loadEsbuild();
  const source = await readFile(SOURCE, "utf8");
  const { code } = await transform(source, { minify: true, target: "es2017", legalComments: "none" });
  const bytes = Buffer.from(code, "utf8");
  return {
    code,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
