/**
 * The clock of the payout callables. `asOf` is the test clock: honoured only on the emulators
 * (FUNCTIONS_EMULATOR === "true"), so tests can make commissions mature without waiting; in
 * production it is ignored and the server's time is used.
 */
export function clockOf(asOf: string | undefined, onEmulator: boolean, serverNow: Date): Date {
  if (!onEmulator || asOf === undefined) return serverNow;
  const ms = Date.parse(asOf);
  return Number.isNaN(ms) ? serverNow : new Date(ms);
}
