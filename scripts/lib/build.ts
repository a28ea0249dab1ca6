import { run } from "./run";

/** Builds what the emulators serve: the functions (one esbuild bundle) and the portal with the tracking script (Vite). */
export async function buildAll(): Promise<void> {
  await run("npm", ["run", "build", "--workspace", "functions"]);
  await run("npm", ["run", "build", "--workspace", "web", "--", "--mode", "emulator", "--logLevel", "warn"]);
}
