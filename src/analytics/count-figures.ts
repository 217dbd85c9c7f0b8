import { isWorkingTime } from "../calendar/is-working-time.js";
import type { WorkCalendar } from "../calendar/work-calendar.js";
import { SEVERITIES, type Severity } from "../report/types.js";
import { type ReportRecord, recordTime } from "./read-report-record.js";
import { type CustomerImpactFigures, WEEKDAYS, type Weekday } from "./types.js";

/**
 * The counts of a period's disruptions, one function per figure. Each takes the period's records
 * (with a readable Started) and returns a value of the JSON output.
 */

/** All five levels, always; a record without a readable severity is in none. */
export function countBySeverity(records: readonly ReportRecord[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((level) => [level, 0])) as Record<
    Severity,
    number
  >;
  for (const record of records) if (record.severity) counts[record.severity] += 1;
  return counts;
}

/** The types that occur, most frequent first, then by name. */
export function countByType(records: readonly ReportRecord[]): Record<string, number> {
  const types = new Map<string, number>();
  for (const record of records)
    if (record.type) types.set(record.type, (types.get(record.type) ?? 0) + 1);
  return Object.fromEntries([...types].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])));
}

/** Per repository, most disruptions first, then by name. */
export function countByRepository(records: readonly ReportRecord[]): Record<string, number> {
  const repos = new Map<string, number>();
  for (const record of records)
    repos.set(record.issue.repo, (repos.get(record.issue.repo) ?? 0) + 1);
  return Object.fromEntries([...repos].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])));
}

/** Of Started, local time; all seven days, always. */
export function countByWeekday(records: readonly ReportRecord[]): Record<Weekday, number> {
  const counts = Object.fromEntries(WEEKDAYS.map((day) => [day, 0])) as Record<Weekday, number>;
  for (const record of records) {
    const day = record.started !== null ? WEEKDAYS[record.weekday - 1] : undefined;
    if (day) counts[day] += 1;
  }
  return counts;
}

/** Of Started, local hour 0..23. */
export function countByHour(records: readonly ReportRecord[]): number[] {
  const hours = Array.from({ length: 24 }, () => 0);
  for (const record of records)
    if (record.started !== null) hours[record.hour] = (hours[record.hour] ?? 0) + 1;
  return hours;
}

/** Rows Mon..Sun, columns the 4-hour blocks 00–04 … 20–24 of Started, local time. */
export function whenGrid(records: readonly ReportRecord[]): number[][] {
  const grid = WEEKDAYS.map(() => Array.from({ length: 6 }, () => 0));
  for (const record of records) {
    if (record.started === null) continue;
    const row = grid[record.weekday - 1];
    const block = Math.floor(record.hour / 4);
    if (row) row[block] = (row[block] ?? 0) + 1;
  }
  return grid;
}

/**
 * Started on a Saturday or Sunday; started out of hours, that is outside the team's working time
 * (the config's `calendar`: a day that is not a working day or is a holiday, or a time before its
 * start or from its end, in its zone; docs/definitions.md).
 */
export function weekendAndOutOfHours(
  records: readonly ReportRecord[],
  calendar: WorkCalendar,
): { weekend: number; outOfHours: number } {
  let weekend = 0;
  let outOfHours = 0;
  for (const record of records) {
    if (record.started === null) continue;
    if (record.weekday >= 6) weekend += 1;
    if (!isWorkingTime(calendar, recordTime(record.started, calendar.timeZone))) outOfHours += 1;
  }
  return { weekend, outOfHours };
}

/** How many said Yes, No, Unknown or nothing to "Customer impact", and the share of Yes. */
export function customerImpactFigures(records: readonly ReportRecord[]): CustomerImpactFigures {
  const figures = { yes: 0, no: 0, unknown: 0, notStated: 0 };
  for (const record of records) {
    if (record.customerImpact === null) figures.notStated += 1;
    else figures[record.customerImpact] += 1;
  }
  const share =
    records.length === 0 ? null : Math.round((figures.yes / records.length) * 1000) / 1000;
  return { ...figures, share };
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
