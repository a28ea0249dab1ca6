// After a redeploy the old index.html's lazy chunks are gone from Hosting, so an open tab fails to
// load the next page's code. Browsers word that failure differently; all of them mean "reload".
const CHUNK_FAILURES = [
  /Failed to fetch dynamically imported module/i, // Chromium
  /error loading dynamically imported module/i, // Firefox
  /Importing a module script failed/i, // Safari
  /Unable to preload CSS/i, // Vite's preload of a chunk's stylesheet
];

export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return CHUNK_FAILURES.some((pattern) => pattern.test(message));
}
