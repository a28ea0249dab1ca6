import { buildAll } from "./lib/build";
import { EMULATORS, emulatorProcessEnv, firebaseBin } from "./lib/emulators";
import { ensureLocalConfig } from "./lib/local-config";
import { PORTS, PROJECT_ID } from "./lib/paths";
import { checkJava, chromiumPath, PrerequisiteError } from "./lib/prerequisites";
import { bin, run } from "./lib/run";
import { createConnection } from "node:net";

// `npm test`: typecheck, lint, unit tests, then every emulator suite (integration, security rules,
// Chromium) inside one `firebase emulators:exec`. Stops at the first failing step.

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function main(): Promise<void> {
  checkJava();
  const chromium = chromiumPath();
  ensureLocalConfig();
  for (const port of Object.values(PORTS)) {
    if (await portInUse(port)) {
      throw new PrerequisiteError(`Port ${port} is taken (is \`npm start\` running?): stop it first, the tests start their own emulators.`);
    }
  }
  await run("npm", ["run", "typecheck"]);
  await run("npm", ["run", "lint"]);
  await run(bin("vitest"), ["run", "--project", "unit"]);
  await buildAll();
  await run(firebaseBin(), ["emulators:exec", "--only", EMULATORS, "--project", PROJECT_ID, `${bin("vitest")} run --project emulator`], {
    env: { ...emulatorProcessEnv(), CHROMIUM_PATH: chromium },
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof PrerequisiteError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
