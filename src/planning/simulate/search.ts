/**
 * The smallest whole count in [low, high] for which `passes` holds, by bisection: staffing figures
 * improve with every agent added, and simulated ones do too when the same seed runs every count
 * (common random numbers). Returns undefined when even `high` fails.
 */
export function smallestPassing(
  low: number,
  high: number,
  passes: (n: number) => boolean,
): number | undefined {
  if (!passes(high)) return undefined;
  let failed = low - 1;
  let passed = high;
  while (passed - failed > 1) {
    const middle = Math.floor((failed + passed) / 2);
    if (passes(middle)) passed = middle;
    else failed = middle;
  }
  return passed;
}
