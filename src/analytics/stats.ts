/** The summary of a set of durations, in minutes rounded to 0.1 (see {@link summarize}). */
export interface Summary {
  median: number;
  p90: number;
  mean: number;
}

/**
 * The middle value, or the mean of the two middle values for an even count; null for no values.
 *
 * @example median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number | null {
  return medianOfSorted(sorted(values));
}

/**
 * The 90th percentile by nearest rank: the ⌈0.9·n⌉-th smallest value; null for no values.
 *
 * @example p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) // 10: ⌈9.9⌉ = 10, the 10th smallest
 */
export function p90(values: readonly number[]): number | null {
  return p90OfSorted(sorted(values));
}

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * Median, p90 and mean of durations in minutes, each rounded to 0.1 minute (6 seconds: finer
 * than any report's times are typed, coarse enough that float noise never shows), or null when
 * there are no values.
 *
 * @example summarize([7, 3, 12]) // { median: 7, p90: 12, mean: 7.3 }
 */
export function summarize(values: readonly number[]): Summary | null {
  const ordered = sorted(values);
  const middle = medianOfSorted(ordered);
  const high = p90OfSorted(ordered);
  const average = mean(ordered);
  if (middle === null || high === null || average === null) return null;
  return { median: roundMinutes(middle), p90: roundMinutes(high), mean: roundMinutes(average) };
}

/** Minutes rounded to 0.1, the precision every published figure has. */
export function roundMinutes(minutes: number): number {
  return Math.round(minutes * 10) / 10;
}

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function medianOfSorted(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  if (n % 2 === 1) return values[mid] ?? null;
  return ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
}

function p90OfSorted(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // Integer arithmetic for the rank: 0.9 * 10 is 9.000000000000002 in floating point.
  const rank = Math.ceil((values.length * 9) / 10);
  return values[rank - 1] ?? null;
}
