import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { repoRoot } from "../lib/paths";

/** JavaScript the first page (sign-in) loads: the entry script and the chunks it preloads. */
export function firstPageJs(): { files: string[]; raw: number; gzip: number } {
  const dist = join(repoRoot, "web", "dist");
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? "");
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

/** All JavaScript of the portal (every lazy chunk), for the total download size. */
export function allPortalJs(): { raw: number; gzip: number } {
  const assets = join(repoRoot, "web", "dist", "assets");
  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(assets).filter((n) => n.endsWith(".js"))) {
    const bytes = readFileSync(join(assets, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}
