import { bin, run } from "./run";

/** Builds what the emulators serve: the functions (tsc) and the portal with the tracking script (Vite). */
export async function buildAll(): Promise<void> {
  await run(bin("tsc"), ["-p", "functions/tsconfig.build.json"]);
  await run("npm", ["run", "build", "--workspace", "web", "--", "--mode", "emulator", "--logLevel", "warn"]);
}
