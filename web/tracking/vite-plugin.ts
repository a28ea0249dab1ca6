/// <reference types="node" />
import { readFile } from "node:fs/promises";
import type { Plugin } from "vite";
import { buildTrackingScript } from "./build.ts";

/**
 * Puts the course-site tracking script at /t.js and the sample course page at
 * /sample/course.html of the Hosting output, so one `vite build` produces everything Hosting serves.
 */
export function trackingScript(): Plugin {
  return {
    name: "affiliate-tracking-script",
    apply: "build",
    async generateBundle() {
      const { code } = await buildTrackingScript();
      this.emitFile({ type: "asset", fileName: "t.js", source: code });
      const sample = await readFile(new URL("./sample/course.html", import.meta.url), "utf8");
      this.emitFile({ type: "asset", fileName: "sample/course.html", source: sample });
    },
  };
}
