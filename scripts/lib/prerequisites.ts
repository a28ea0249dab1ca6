import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./paths";

const MIN_JAVA = 11;

/** Thrown for a missing prerequisite: the message is the one sentence a person needs. */
export class PrerequisiteError extends Error {}

export function javaMajorVersion(versionOutput: string): number | null {
  // `java -version` prints e.g. `openjdk version "17.0.15"` or, for Java 8, `"1.8.0_392"`.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return null;
  const major = Number(match[1]);
  return major === 1 && match[2] ? Number(match[2]) : major;
}

export function checkJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new PrerequisiteError(
      `Java is not installed: the Firebase emulators need Java ${MIN_JAVA} or newer (Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@21).`,
    );
  }
  const major = javaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major === null || major < MIN_JAVA) {
    throw new PrerequisiteError(
      `Java ${major ?? "of an unknown version"} is too old: the Firebase emulators need Java ${MIN_JAVA} or newer (Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless).`,
    );
  }
}

const CLOUD_SDK_FIRESTORE_JAR =
  "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";

/**
 * Where Google's Cloud SDK Firestore emulator is installed, firebase-tools can use it instead of
 * downloading its own (which fails offline). That jar has no Main-Class, so we point firebase-tools at
 * a manifest-only launcher jar whose Class-Path is the SDK jar. Elsewhere we change nothing and
 * firebase-tools downloads its emulator as usual.
 */
export function firestoreEmulatorEnv(sdkJar = CLOUD_SDK_FIRESTORE_JAR): Record<string, string> {
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH || !existsSync(sdkJar)) return {};
  const dir = join(repoRoot, ".cache", "firestore-launcher");
  const launcher = join(dir, "cloud-firestore-launcher.jar");
  if (!existsSync(launcher)) {
    mkdirSync(join(dir, "empty"), { recursive: true });
    const manifest = join(dir, "MANIFEST.MF");
    writeFileSync(
      manifest,
      [
        "Main-Class: com.google.cloud.datastore.emulator.firestore.CloudFirestore",
        `Class-Path: ${pathToFileURL(sdkJar).href}`,
        "",
      ].join("\n"),
    );
    execFileSync("jar", ["cfm", launcher, manifest, "-C", join(dir, "empty"), "."]);
  }
  return { FIRESTORE_EMULATOR_BINARY_PATH: launcher };
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) {
    throw new PrerequisiteError(
      "Chromium is not installed: the browser tests need it (Debian/Ubuntu: sudo apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary.",
    );
  }
  return found;
}
