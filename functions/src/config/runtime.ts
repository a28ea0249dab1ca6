/**
 * True inside the Firebase emulators, which set FUNCTIONS_EMULATOR. Everything that behaves
 * differently there (local URLs, demo secrets, the test clock) asks this one function.
 */
export const onEmulator = (): boolean => process.env.FUNCTIONS_EMULATOR === "true";

/** A configuration value that cannot work where the functions run: the message says what to set. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}
