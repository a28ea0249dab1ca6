// Apart from the settings schema so the affiliate's dashboard can know the default without zod.

/** The payout threshold when the owner has set none: 50.00 in a two-decimal currency. */
export const DEFAULT_PAYOUT_THRESHOLD_MINOR = 5_000;

/** Whether a payable balance may be paid out (or a payout requested): positive and at least the threshold. */
export function reachesThreshold(payableMinor: number, thresholdMinor: number): boolean {
  return payableMinor > 0 && payableMinor >= thresholdMinor;
}
