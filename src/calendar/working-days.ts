import { DateTime } from "luxon";
import { isWorkingDay } from "./is-working-time.js";
import type { WorkCalendar } from "./work-calendar.js";

/** A year of days: a calendar with no working day at all ends every search here. */
const SEARCH_LIMIT_DAYS = 366;

/** The local date `YYYY-MM-DD` at the start of its day in the calendar's zone. */
export function localDay(calendar: WorkCalendar, date: string | DateTime): DateTime {
  return typeof date === "string"
    ? DateTime.fromISO(date, { zone: calendar.zone }).startOf("day")
    : date.setZone(calendar.zone).startOf("day");
}

/**
 * The first working day on or after the date, or null when the calendar has none within a year
 * (no working weekday, or every one a holiday).
 */
export function workingDayOnOrAfter(calendar: WorkCalendar, date: DateTime): DateTime | null {
  let day = localDay(calendar, date);
  for (let i = 0; i < SEARCH_LIMIT_DAYS; i += 1) {
    if (isWorkingDay(calendar, day)) return day;
    day = day.plus({ days: 1 });
  }
  return null;
}

/**
 * Whole working days strictly after `from`'s local date and strictly before `to`'s local date,
 * counted up to `limit`: resolved on a Friday, two working days have passed on Wednesday
 * (Monday and Tuesday) when the weekend and no holiday lie between.
 */
export function workingDaysBetween(
  calendar: WorkCalendar,
  from: DateTime,
  to: DateTime,
  limit = SEARCH_LIMIT_DAYS,
): number {
  const end = localDay(calendar, to);
  let day = localDay(calendar, from).plus({ days: 1 });
  let count = 0;
  while (day < end && count < limit) {
    if (isWorkingDay(calendar, day)) count += 1;
    day = day.plus({ days: 1 });
  }
  return count;
}
