import type { DateTime } from "luxon";
import type { WorkCalendar } from "./work-calendar.js";
import { localDay, workingDayOnOrAfter } from "./working-days.js";

/**
 * When an item due on a date is late: the end of working hours on that date, or, when the date is
 * not a working day (a weekend, a holiday), at the end of the next working day. Null for a date
 * that cannot be read or a calendar without working days.
 *
 * @example dueDeadline(berlin, "2026-12-05") // a Saturday: Monday 2026-12-07 18:00 Europe/Berlin
 */
export function dueDeadline(calendar: WorkCalendar, due: string): DateTime | null {
  const day = localDay(calendar, due);
  if (!day.isValid) return null;
  const working = workingDayOnOrAfter(calendar, day);
  return working ? working.plus({ minutes: calendar.endMinute }) : null;
}

/** True when the item's deadline (see {@link dueDeadline}) has passed at `now`. */
export function isOverdue(calendar: WorkCalendar, due: string | null, now: DateTime): boolean {
  if (due === null) return false;
  const deadline = dueDeadline(calendar, due);
  return deadline !== null && now >= deadline;
}
