import type { DateTime } from "luxon";
import type { WorkCalendar } from "./work-calendar.js";
import { localDay, workingDayOnOrAfter } from "./working-days.js";

/** The ISO week of the moment in the calendar's zone, `2026-W49`: a reminder's once-a-week key. */
export function weekKey(calendar: WorkCalendar, now: DateTime): string {
  const local = now.setZone(calendar.zone);
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, "0")}`;
}

/**
 * The week's reminder moment: the start of working hours on the first working day of the ISO week
 * (Monday, or Tuesday when Monday is a holiday). Null when the week has no working day.
 */
export function reminderMoment(calendar: WorkCalendar, now: DateTime): DateTime | null {
  const monday = localDay(calendar, now).startOf("week");
  const day = workingDayOnOrAfter(calendar, monday);
  if (!day || weekKey(calendar, day) !== weekKey(calendar, now)) return null;
  return day.plus({ minutes: calendar.startMinute });
}

/**
 * True when this week's reminder is due at `now`: from its moment to the end of the week, so that
 * an app that was down on the day catches up later in the week (a reminder already posted this week
 * is recognised by its week key, see `render-reminder.ts`).
 */
export function isReminderDue(calendar: WorkCalendar, now: DateTime): boolean {
  const moment = reminderMoment(calendar, now);
  return moment !== null && now >= moment;
}
