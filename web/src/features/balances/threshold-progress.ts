import { reachesThreshold } from "../../../../contracts/payout-threshold";

export interface ThresholdProgress {
  /** Whole percent of the threshold the payable balance covers, 0 to 100. */
  percent: number;
  /** What is still missing, 0 once reached. */
  remainingMinor: number;
  /** The same test the owner's payout uses: a positive balance at or above the threshold. */
  reached: boolean;
}

/** How far a payable balance is from the payout threshold, in integers (BigInt for the percentage). */
export function thresholdProgress(payableMinor: number, thresholdMinor: number): ThresholdProgress {
  const reached = reachesThreshold(payableMinor, thresholdMinor);
  const have = Math.max(payableMinor, 0);
  const percent = reached ? 100 : thresholdMinor <= 0 ? 0 : Number((BigInt(have) * 100n) / BigInt(thresholdMinor));
  return { percent: Math.min(percent, 100), remainingMinor: reached ? 0 : Math.max(thresholdMinor - have, 0), reached };
}
