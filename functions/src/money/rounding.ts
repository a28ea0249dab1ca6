// Half-even ("banker's") rounding is the one rounding rule for money in this project: it is
// unbiased over many orders, unlike half-up, and it is what reliability case M-04 pins down.

/**
 * `numerator / denominator` rounded to the nearest integer, ties to the even neighbour.
 * Exact for any size and sign; throws on a zero denominator.
 */
export function roundHalfEvenDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("roundHalfEvenDiv: division by zero");
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  // BigInt division truncates toward zero; move to floor so the remainder is in [0, d).
  let floor = n / d;
  let rem = n % d;
  if (rem < 0n) {
    floor -= 1n;
    rem += d;
  }
  const twice = 2n * rem;
  if (twice < d) return floor;
  if (twice > d) return floor + 1n;
  return floor % 2n === 0n ? floor : floor + 1n;
}
