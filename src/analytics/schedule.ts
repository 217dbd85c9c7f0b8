import type { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { monthOf } from "./month.js";

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
 * True when the previous month's report should be published now: reports are enabled, the local
 * time (config `timeZone`) has reached day `report.day` at hour `report.hour` of the current
 * month, and the report is not published yet. A run that missed the hour (a restart, a deploy)
 * catches up any time later in the month.
 *
 * @param published whether the analytics issue of `previousMonth(now, config.timeZone)` exists.
 */
export function isReportDue(options: {
  now: DateTime;
  config: Config;
  published: boolean;
}): boolean {
  const { now, config, published } = options;
  if (!config.report.enabled || published) return false;
  const local = now.setZone(config.timeZone);
  const { day, hour } = config.report;
  return local.day > day || (local.day === day && local.hour >= hour);
}
