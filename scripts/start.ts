import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { relative, resolve } from "node:path";
import { buildAll } from "./lib/build";
import { EMULATORS, emulatorProcessEnv, firebaseBin, waitUntilReady } from "./lib/emulators";
import { ensureLocalConfig } from "./lib/local-config";
import { HOSTING_URL, PROJECT_ID, repoRoot } from "./lib/paths";
import { checkJava, PrerequisiteError } from "./lib/prerequisites";
import { Supervisor } from "./lib/supervisor";
import { ADA, DEMO_OWNER } from "./seed/demo-data";
import { seedHistory } from "./seed/history";
import { isSeeded, seedOrders, seedProgram } from "./seed/seed";
import { startVendorApi, VENDOR_API_PORT } from "../tests/support/vendor-api";

// `npm start`: build, start the emulators, seed the demo program, print how to use it.
// `npm start -- --keep` keeps the data between runs in .emulator-data (emulator export/import).
// Ctrl-C (or SIGTERM, SIGHUP) at any moment stops every process this started: see lib/supervisor.ts.

// Whatever is still running this long after Ctrl-C is killed; export-on-exit takes a few seconds.
const GRACE_MS = 12_000;
const supervisor = new Supervisor(GRACE_MS);

async function main(): Promise<void> {
  const started = Date.now();
  checkJava();
  ensureLocalConfig();
  console.log("Building the functions and the portal…");
  await buildAll();

  const keep = keepDir();
  const args = ["emulators:start", "--only", EMULATORS, "--project", PROJECT_ID];
  if (keep) {
    mkdirSync(keep, { recursive: true });
    args.push("--import", keep, "--export-on-exit", keep);
  }
  console.log("Starting the emulators…");
  // A session of its own, so a terminal's Ctrl-C reaches firebase-tools only through us, once: it takes
  // a second signal as "exit now without stopping the emulators".
  const emulators = spawn(firebaseBin(), args, { cwd: repoRoot, env: emulatorProcessEnv(), stdio: "inherit", detached: true });
  const exited = new Promise<number>((done) => emulators.on("exit", (code) => done(code ?? 1)));
  let running = true;
  void exited.then((code) => {
    running = false;
    if (!supervisor.isStopping) void supervisor.exit(code);
  });

  await waitUntilReady(180_000, () => running);
  // The functions reach the platforms' APIs at the stand-in's port (functions/.env.demo-affiliates)
  // with the demo keys: serve it for the session, so a Stripe sale's net lookup is answered (it knows
  // no payment: the subtotal stays the base) instead of failing the event, and a sync finds nothing.
  await startVendorApi().catch((err: unknown) => console.warn(`The local vendor API stand-in did not start (${String(err)}): Stripe events fail until port ${VENDOR_API_PORT} answers.`));
  if (!(await isSeeded())) {
    console.log("Seeding the demo program…");
    await seedProgram();
    await seedOrders();
    await seedHistory();
  }
  // Only from here is there data worth exporting: before, Ctrl-C kills everything, so an
  // interrupted start never overwrites what --keep saved with a half-loaded state.
  supervisor.stopGracefullyWith({ begin: () => emulators.kill("SIGINT"), exited });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
──────────────────────────────────────────────────────────────────────────────
 Affiliate tracking is ready (${seconds} s) — project ${PROJECT_ID}, all local.

 Portal            ${HOSTING_URL}/
 Sign in as owner  ${DEMO_OWNER.email}
 Sign in as affiliate ${ADA.email} (Ada, active)   — also grace@demo.test, linus@demo.test (pending)
                   Enter the address at ${HOSTING_URL}/sign-in; the link is mailed, so run
                   \`npm run outbox\` in another terminal and open it in the same browser.
 Sample course     ${HOSTING_URL}/sample/course.html?affiliateId=${ADA.id}
 Affiliate link    ${HOSTING_URL}/r/${ADA.id}/typescript
 Test webhook      npm run webhook:test            (a signed Lemon Squeezy sale for Ada; \`-- stripe\` for a Stripe one)
 Queued emails     npm run outbox
 Webhook URLs      ${HOSTING_URL}/webhooks/paddle | /webhooks/paddle-classic | /webhooks/lemonsqueezy | /webhooks/stripe

 Ctrl-C stops everything.${keep ? ` Data is kept in ${shortPath(keep)}.` : " Run `npm start -- --keep` to keep data between runs."}
──────────────────────────────────────────────────────────────────────────────`);
}

/** `--keep` keeps the data in .emulator-data, `--keep=DIR` in DIR. */
function keepDir(): string | undefined {
  const flag = process.argv.find((arg) => arg === "--keep" || arg.startsWith("--keep="));
  if (!flag) return undefined;
  return resolve(repoRoot, flag === "--keep" ? ".emulator-data" : flag.slice("--keep=".length));
}

function shortPath(path: string): string {
  const inRepo = relative(repoRoot, path);
  return inRepo.startsWith("..") ? path : inRepo;
}

main().catch((err: unknown) => {
  // Work a Ctrl-C interrupted fails on its way out (the emulators it talked to are gone).
  if (supervisor.isStopping) return;
  console.error(err instanceof PrerequisiteError ? err.message : err);
  void supervisor.exit(1);
});
