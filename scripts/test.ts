import { buildAll } from "./lib/build";
import { EMULATORS, emulatorProcessEnv, firebaseBin } from "./lib/emulators";
import { ensureLocalConfig } from "./lib/local-config";
import { PROJECT_ID } from "./lib/paths";
import { portsInUse } from "./lib/ports";
import { checkJava, chromiumPath, PrerequisiteError } from "./lib/prerequisites";
import { bin, run } from "./lib/run";

// `npm test`: typecheck, lint, unit tests, the `npm start` interrupt tests, then every emulator suite
// (integration, security rules, Chromium) inside one `firebase emulators:exec`. Stops at the first
// failing step.

async function main(): Promise<void> {
  checkJava();
  const chromium = chromiumPath();
  ensureLocalConfig();
  const taken = await portsInUse();
  if (taken.length > 0) {
    const ports = taken.length === 1 ? `Port ${taken.join("")} is` : `Ports ${taken.join(", ")} are`;
    throw new PrerequisiteError(`${ports} taken (is \`npm start\` running?): stop it first, the tests start their own emulators.`);
  }
  await run("npm", ["run", "typecheck"]);
  await run("npm", ["run", "lint"]);
  await run(bin("vitest"), ["run", "--project", "unit"]);
  // `npm start` interrupted at several moments: before the emulator suites, which hold the ports.
  await run(bin("vitest"), ["run", "--project", "start"]);
  await buildAll();
  await run(firebaseBin(), ["emulators:exec", "--only", EMULATORS, "--project", PROJECT_ID, `${bin("vitest")} run --project emulator`], {
    env: { ...emulatorProcessEnv(), CHROMIUM_PATH: chromium },
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof PrerequisiteError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
