import type { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { monthOf } from "./month.js";
import { periodContaining } from "./period.js";

/**
 * The month before the one `now` falls in, in `timeZone`: the month a report published now is
 * about.
 *
 * @example previousMonth(DateTime.fromISO("2026-10-31T23:30:00Z"), "Europe/Berlin") // "2026-10"
 */
export function previousMonth(now: DateTime, timeZone: string): string {
  return monthOf(now.setZone(timeZone).startOf("month").minus({ months: 1 }));
}

/**
 * True when the previous month's report is due now: reports are enabled and the local time
 * (config `timeZone`) has reached day `report.day` at hour `report.hour` of the current month. A
 * run that missed the hour (a restart, a deploy) catches up any time later in the month. Whether
 * the report exists already is GitHub's to say: the schedule looks for it only once it is due.
 *
 * @example isReportDue(DateTime.fromISO("2026-11-01T08:00:00Z"), berlinConfig) // true with day 1, hour 9
 */
export function isReportDue(now: DateTime, config: Config): boolean {
  if (!config.report.enabled) return false;
  const local = now.setZone(config.timeZone);
  const { day, hour } = config.report;
  return local.day > day || (local.day === day && local.hour >= hour);
}

/**
 * The periods the schedule publishes when the previous month's report is due: that month, and
 * with `report.quarterly` the quarter it closes.
 *
 * @example duePeriods(DateTime.fromISO("2026-10-01T09:00Z"), quarterlyConfig) // ["2026-09", "2026-Q3"]
 */
export function duePeriods(now: DateTime, config: Config): string[] {
  const month = previousMonth(now, config.timeZone);
  const quarter = periodContaining("quarter", month);
  const closesQuarter = quarter.months.at(-1) === month;
  return config.report.quarterly && closesQuarter ? [month, quarter.key] : [month];
}
