import { DateTime } from "luxon";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** A month written `YYYY-MM` (`2026-10`) was given as something else. */
class InvalidMonth extends Error {
  override name = "InvalidMonth";
  constructor(readonly month: string) {
    super(`\`${month}\` is not a month: write it as YYYY-MM, e.g. 2026-10.`);
  }
}

/** True for a month written `YYYY-MM`, e.g. `2026-10`. */
export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

function parts(month: string): { year: number; month: number } {
  const match = MONTH.exec(month);
  if (!match) throw new InvalidMonth(month);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The month `count` months after (or, negative, before) `month`: `addMonths("2026-01", -1)` is `2025-12`. */
export function addMonths(month: string, count: number): string {
  const { year, month: index } = parts(month);
  const total = year * 12 + (index - 1) + count;
  return `${String(Math.floor(total / 12)).padStart(4, "0")}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/** The `count` months ending with `month`, oldest first. */
export function monthsEnding(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addMonths(month, index - count + 1));
}

/** The first instant of the month in the zone (midnight of the 1st, local time). */
export function monthStart(month: string, timeZone: string): DateTime {
  const { year, month: index } = parts(month);
  return DateTime.fromObject({ year, month: index, day: 1 }, { zone: timeZone });
}

/** The month a time falls in, in the time's own zone: `2026-10`. */
export function monthOf(time: DateTime): string {
  return `${String(time.year).padStart(4, "0")}-${String(time.month).padStart(2, "0")}`;
}

/** `October 2026`, in English whatever the machine's locale. */
export function monthName(month: string): string {
  const { year, month: index } = parts(month);
  return `${MONTH_NAMES[index - 1]} ${year}`;
}

/**
 * Month names short enough for twelve to fit under a chart: `Nov 25`, `Dec`, `Jan 26`, `Feb` —
 * the year on the first label and on each January.
 */
export function axisMonthNames(months: readonly string[]): string[] {
  return months.map((month, index) => {
    const { year, month: number } = parts(month);
    const name = MONTH_NAMES[number - 1]?.slice(0, 3) ?? "";
    return index === 0 || number === 1 ? `${name} ${String(year % 100).padStart(2, "0")}` : name;
  });
}
