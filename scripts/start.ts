import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildAll } from "./lib/build";
import { EMULATORS, emulatorProcessEnv, firebaseBin, waitUntilReady } from "./lib/emulators";
import { ensureLocalConfig } from "./lib/local-config";
import { HOSTING_URL, PROJECT_ID, repoRoot } from "./lib/paths";
import { checkJava, PrerequisiteError } from "./lib/prerequisites";
import { ADA, DEMO_OWNER } from "./seed/demo-data";
import { isSeeded, seedOrders, seedProgram } from "./seed/seed";

// `npm start`: build, start the emulators, seed the demo program, print how to use it.
// `npm start -- --keep` keeps the data between runs in .emulator-data (emulator export/import).

async function main(): Promise<void> {
  const started = Date.now();
  checkJava();
  ensureLocalConfig();
  await buildAll();

  const keep = process.argv.includes("--keep");
  const dataDir = join(repoRoot, ".emulator-data");
  const args = ["emulators:start", "--only", EMULATORS, "--project", PROJECT_ID];
  if (keep) {
    mkdirSync(dataDir, { recursive: true });
    args.push("--import", dataDir, "--export-on-exit", dataDir);
  }
  // A process group of its own, so Ctrl-C can stop firebase-tools and every emulator it started.
  const emulators = spawn(firebaseBin(), args, { cwd: repoRoot, env: emulatorProcessEnv(), stdio: "inherit", detached: true });
  let exited = false;
  emulators.on("exit", (code) => {
    exited = true;
    process.exit(code ?? 0);
  });
  const stop = (): void => {
    if (exited || emulators.pid === undefined) return;
    process.kill(-emulators.pid, "SIGINT");
    // firebase-tools exports data and stops its emulators on SIGINT; anything still alive after
    // that is killed so no process is left behind.
    setTimeout(() => {
      if (!exited && emulators.pid !== undefined) process.kill(-emulators.pid, "SIGKILL");
    }, 20_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  await waitUntilReady(180_000, () => !exited);
  if (!(await isSeeded())) {
    await seedProgram();
    await seedOrders();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
──────────────────────────────────────────────────────────────────────────────
 Affiliate tracking is ready (${seconds} s) — project ${PROJECT_ID}, all local.

 Portal            ${HOSTING_URL}/
 Sign in as owner  ${DEMO_OWNER.email}
 Sign in as affiliate ${ADA.email} (Ada, active)   — also grace@demo.test, linus@demo.test (pending)
                   Enter the address at ${HOSTING_URL}/sign-in; the Auth emulator prints the
                   sign-in link in this terminal ("To sign in as ..."): open it in the same browser.
 Sample course     ${HOSTING_URL}/sample/course.html?affiliateId=${ADA.id}
 Affiliate link    ${HOSTING_URL}/r/${ADA.id}/typescript
 Test webhook      npm run webhook:test            (a signed Lemon Squeezy sale for Ada)
 Queued emails     npm run outbox
 Webhook URLs      ${HOSTING_URL}/webhooks/paddle | /webhooks/paddle-classic | /webhooks/lemonsqueezy

 Ctrl-C stops everything.${keep ? " Data is kept in .emulator-data." : " Run `npm start -- --keep` to keep data between runs."}
──────────────────────────────────────────────────────────────────────────────`);
}

main().catch((err: unknown) => {
  console.error(err instanceof PrerequisiteError ? err.message : err);
  process.exit(1);
});
