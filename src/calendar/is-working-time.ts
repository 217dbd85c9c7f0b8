import type { DateTime } from "luxon";
import type { WorkCalendar } from "./work-calendar.js";

/** True when the local date (in the calendar's zone) is a working weekday and not a holiday. */
export function isWorkingDay(calendar: WorkCalendar, dateTime: DateTime): boolean {
  const local = dateTime.setZone(calendar.zone);
  return calendar.workingDays.has(local.weekday) && !calendar.holidays.has(local.toISODate() ?? "");
}

/**
 * True when the moment falls in the team's working hours on a working day, in the calendar's
 * zone: the start minute counts, the end minute does not (09:00–18:00 means 09:00 to 17:59).
 *
 * @example isWorkingTime(calendar, DateTime.fromISO("2026-11-20T14:05:00Z")) // a Friday afternoon
 */
export function isWorkingTime(calendar: WorkCalendar, dateTime: DateTime): boolean {
  if (!isWorkingDay(calendar, dateTime)) return false;
  const local = dateTime.setZone(calendar.zone);
  const minute = local.hour * 60 + local.minute;
  return minute >= calendar.startMinute && minute < calendar.endMinute;
}
