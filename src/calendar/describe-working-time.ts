import { WEEKDAY_NAMES, type WorkCalendar } from "./work-calendar.js";

/**
 * The team's working time in words, for the reader of a figure that depends on it.
 *
 * @example describeWorkingTime(workCalendar(DEFAULT_CONFIG)) // "Monday–Friday 09:00–18:00 UTC"
 */
export function describeWorkingTime(calendar: WorkCalendar): string {
  const days = [...calendar.workingDays].sort((a, b) => a - b);
  const first = days[0] ?? 0;
  const last = days.at(-1) ?? 0;
  const name = (day: number) => WEEKDAY_NAMES[day - 1] ?? "";
  const runs = days.length > 2 && last - first === days.length - 1;
  const dayText = runs ? `${name(first)}–${name(last)}` : days.map(name).join(", ") || "no day";
  const holidays = calendar.holidays.size > 0 ? ", holidays excepted" : "";
  return `${dayText} ${clock(calendar.startMinute)}–${clock(calendar.endMinute)} ${calendar.timeZone}${holidays}`;
}

function clock(minutes: number): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
