import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

/** Where the browser suites leave screenshots for a person to look at: gitignored, never the repo. */
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../test-output/screenshots/", import.meta.url));

/** The two widths every screenshot is taken at: a 390 px phone and a 1280 px laptop. */
export const WIDTHS = [390, 1280] as const;

/** Saves `name-<width>.png` of the whole page at each width, leaving the page at the last one. */
export async function screenshotAtWidths(page: Page, name: string): Promise<string[]> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const files: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const path = `${SCREENSHOT_DIR}${name}-${width}.png`;
    await page.screenshot({ path, fullPage: true });
    files.push(path);
  }
  return files;
}

/** How far the page runs past the viewport sideways, in CSS pixels (0 when nothing is off screen). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
}
