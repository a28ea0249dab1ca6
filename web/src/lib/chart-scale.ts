/** The smallest 1, 2 or 5 × 10^k at or above `max`, so axis labels are round numbers. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

/** Height of a value on a chart `height` tall whose top is `top`. */
export function scaleY(value: number, top: number, height: number): number {
  if (top <= 0) return 0;
  return Math.max(0, Math.min(height, (value / top) * height));
}
