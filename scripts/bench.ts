import { benchClicks } from "./bench/clicks";
import { benchLedger } from "./bench/ledger";
import { benchOverview } from "./bench/overview";
import { benchPayable } from "./bench/payable";
import { benchPortal } from "./bench/portal";
import { firstPageJs, allPortalJs } from "./bench/portal-size";
import { benchTrackingScript } from "./bench/tracking-script";
import { benchWebhooks } from "./bench/webhooks";
import { startSystem } from "./bench/startup";
import { benchSync } from "./bench/sync";
import { startVendorApi, type VendorApi } from "../tests/support/vendor-api";
import { ms } from "./bench/stats";
import { benchWebhookToDocument } from "./bench/webhook-latency";
import { PrerequisiteError } from "./lib/prerequisites";

// `npm run bench`: starts the whole system from cold and prints speed and cost figures. It is a
// benchmark, not a test: numbers vary with the machine, nothing here asserts a threshold.

type Rows = Array<[string, string]>;

const kb = (bytes: number): string => `${bytes.toLocaleString("en-US")} B (${(bytes / 1024).toFixed(1)} KiB)`;

async function main(): Promise<void> {
  const rows: Rows = [];
  // The vendor stand-in is the bench's, so the reconciliation section can list orders on it; npm
  // start, finding the port taken, leaves it to the bench (the demo's Stripe lookups reach it too).
  const api = await startVendorApi();
  const system = await startSystem();
  try {
    rows.push(["Cold start: npm start to portal ready (build + emulators + seed)", ms(system.coldStartMs)]);
    const latency = await benchWebhookToDocument();
    rows.push(["Webhook → order document, first request (cold function)", ms(latency.first)]);
    rows.push(["Webhook → order document, p50 / p95 (10 sequential)", `${ms(latency.p50)} / ${ms(latency.p95)}`]);
    const first = firstPageJs();
    rows.push(["Portal JS, first page (sign-in): raw", kb(first.raw)]);
    rows.push(["Portal JS, first page (sign-in): gzip", kb(first.gzip)]);
    const all = allPortalJs();
    rows.push(["Portal JS, all chunks: raw / gzip", `${kb(all.raw)} / ${kb(all.gzip)}`]);
    // One section failing (an emulator that stalls under load) must not lose the others' figures.
    for (const [name, section] of extraSections(api)) {
      try {
        rows.push(...(await section()));
      } catch (err) {
        rows.push([`${name}: FAILED`, err instanceof Error ? err.message.split("\n")[0] ?? err.name : String(err)]);
      }
    }
  } finally {
    await system.stop();
    await api.close();
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log("\nBenchmark (this machine; emulators, not production)\n");
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
}

const fromRecord = (prefix: string, record: Record<string, string | number>): Rows =>
  Object.entries(record).map(([name, value]) => [`${prefix}: ${name}`, String(value)]);

/** Sections contributed by the other capabilities, each returning rows of figures. */
function extraSections(api: VendorApi): Array<[string, () => Promise<Rows>]> {
  return [
    // First, while the program holds only the demo's orders.
    ["Owner overview", benchOverview],
    ["Webhooks", async () => fromRecord("Webhooks", await benchWebhooks())],
    ["Ledger and emails", async () => fromRecord("Ledger and emails", await benchLedger())],
    ["Portal", benchPortal],
    ["Tracking script", benchTrackingScript],
    ["Click endpoint", async () => fromRecord("Click endpoint", await benchClicks())],
    ["Payable-now report", benchPayable],
    ["Reconciliation", () => benchSync(api)],
  ];
}

main().catch((err: unknown) => {
  console.error(err instanceof PrerequisiteError ? err.message : err);
  process.exit(1);
});
