/** The catch-up's default period: GitHub keeps deliveries three days, so this is never too late. */
const DEFAULT_CATCH_UP_MINUTES = 15;

/**
 * `CATCH_UP_INTERVAL_MINUTES`: minutes between two catch-up runs (fractions allowed), 0 for none;
 * unset or empty is the default. Anything else is refused with a message that says what to write.
 */
export function catchUpIntervalMinutes(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_CATCH_UP_MINUTES;
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new Error(
      `CATCH_UP_INTERVAL_MINUTES must be a number of minutes (0 turns the catch-up off), not "${value}"`,
    );
  return minutes;
}
