// The single source of "now" for the portal. Browser tests control it with Playwright's clock
// (which replaces Date), and pure modules take the value as a parameter instead of calling this.
export function now(): Date {
  return new Date();
}
