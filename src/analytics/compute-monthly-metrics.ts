import { type DateTime, IANAZone } from "luxon";
import type { Config } from "../config/config.js";
import { isoTime } from "../report/parse-time.js";
import { SEVERITIES, type Severity } from "../report/types.js";
import type { AnalyticsIssue } from "./analytics-issue.js";
import { findRepeats } from "./find-repeats.js";
import { followThrough } from "./follow-through.js";
import { addMonths, InvalidMonth, isMonth, monthStart, monthsEnding } from "./month.js";
import { type ReportRecord, readReportRecords } from "./read-report-record.js";
import { median, roundMinutes, summarize } from "./stats.js";
import {
  type DisruptionRow,
  type Headline,
  type MonthlyDetails,
  type MonthlyFigures,
  type MonthlyResult,
  type ServiceRow,
  type TrendEntry,
  WEEKDAYS,
  type Weekday,
} from "./types.js";

export interface MonthlyOptions {
  /** `YYYY-MM`. */
  month: string;
  /** IANA zone the month, weekdays and hours are read in (config `timeZone`, CLI `--tz`). */
  timeZone: string;
  /** "Today" for overdue items and reviews; the shell passes the clock, tests a fixed time. */
  now: DateTime;
  config: Config;
}

/** Months in the trend, this one included. */
export const TREND_MONTHS = 12;

/**
 * The first instant the figures of `month` look at: midnight on the 1st of the trend's first
 * month, in `timeZone`. The shell reads the reports updated since then (repeats look back 90
 * days, well inside it).
 *
 * @example analyticsWindowStart("2026-10", "Europe/Berlin").toISO() // "2025-11-01T00:00:00.000+01:00"
 */
export function analyticsWindowStart(month: string, timeZone: string): DateTime {
  return monthStart(addMonths(month, 1 - TREND_MONTHS), timeZone);
}

/** A time zone that is not an IANA name reached the core (the shell validates it first). */
export class InvalidTimeZone extends Error {
  override name = "InvalidTimeZone";
  constructor(readonly timeZone: string) {
    super(`\`${timeZone}\` is not an IANA time zone name (for example UTC or Europe/Berlin).`);
  }
}

/**
 * The figures of one month and what the published issue shows besides. Only issues with the
 * report label count, never the analytics issues nor reports closed as duplicates; a disruption
 * belongs to the month its Started falls in, in `timeZone`; a report whose Started cannot be read
 * is listed in `problems`. Each body is parsed once, for the month, the trend, the repeats and
 * follow-through alike.
 *
 * @throws {InvalidMonth} when `month` is not `YYYY-MM`.
 * @throws {InvalidTimeZone} when `timeZone` is not an IANA zone.
 *
 * @example
 * const { figures } = computeMonthlyMetrics(issues, {
 *   month: "2026-10", timeZone: "Europe/Berlin", now: DateTime.fromISO("2026-11-01T09:00Z"), config,
 * });
 * figures.bySeverity // { SEV1: 1, SEV2: 3, SEV3: 8, SEV4: 2, SEV5: 1 }
 */
export function computeMonthlyMetrics(
  issues: readonly AnalyticsIssue[],
  options: MonthlyOptions,
): MonthlyResult {
  checkOptions(options);
  return metricsFromRecords(readReportRecords(issues, options), options);
}

/**
 * {@link computeMonthlyMetrics} over records already read by `readReportRecords` with the same
 * `timeZone`, for a caller that keeps them between months (or times the parsing apart).
 */
export function metricsFromRecords(
  records: readonly ReportRecord[],
  options: MonthlyOptions,
): MonthlyResult {
  checkOptions(options);
  const { month, timeZone } = options;
  const now = options.now.setZone(timeZone);
  const byMonth = new Map<string, ReportRecord[]>();
  for (const record of records) {
    if (record.month === null) continue;
    const list = byMonth.get(record.month);
    if (list) list.push(record);
    else byMonth.set(record.month, [record]);
  }
  const current = (byMonth.get(month) ?? []).slice().sort(byStarted);

  const bySeverity = Object.fromEntries(SEVERITIES.map((level) => [level, 0])) as Record<
    Severity,
    number
  >;
  const byWeekday = Object.fromEntries(WEEKDAYS.map((day) => [day, 0])) as Record<Weekday, number>;
  const byHour: number[] = Array.from({ length: 24 }, () => 0);
  const grid: number[][] = WEEKDAYS.map(() => Array.from({ length: 6 }, () => 0));
  const services = new Map<string, ReportRecord[]>();
  const types = new Map<string, number>();
  let weekend = 0;
  let outOfHours = 0;
  for (const record of current) {
    const started = record.started;
    if (!started) continue;
    if (record.severity) bySeverity[record.severity] += 1;
    if (record.type) types.set(record.type, (types.get(record.type) ?? 0) + 1);
    for (const service of record.services) {
      const list = services.get(service);
      if (list) list.push(record);
      else services.set(service, [record]);
    }
    const day = WEEKDAYS[started.weekday - 1] as Weekday;
    byWeekday[day] += 1;
    byHour[started.hour] = (byHour[started.hour] ?? 0) + 1;
    const row = grid[started.weekday - 1];
    if (row) row[Math.floor(started.hour / 4)] = (row[Math.floor(started.hour / 4)] ?? 0) + 1;
    if (started.weekday >= 6) weekend += 1;
    if (started.hour >= 18 || started.hour < 8) outOfHours += 1;
  }

  const serviceRows: ServiceRow[] = [...services]
    .map(([service, list]) => ({
      service,
      disruptions: list.length,
      minutes: sumMinutes(list.map((record) => record.length)),
      medianTtr: roundedMedian(list.map((record) => record.ttr)),
    }))
    .sort((a, b) => b.disruptions - a.disruptions || compare(a.service, b.service));

  const trend: TrendEntry[] = monthsEnding(month, TREND_MONTHS).map((key) => {
    const list = byMonth.get(key) ?? [];
    return {
      month: key,
      disruptions: list.length,
      medianTtd: roundedMedian(list.map((record) => record.ttd)),
      medianTtr: roundedMedian(list.map((record) => record.ttr)),
    };
  });

  const follow = followThrough(records, now);
  const problems = records
    .filter((record) => record.started === null)
    .sort((a, b) => a.issue.number - b.issue.number)
    .map((record) => ({
      issue: record.issue,
      message: record.startedProblem ?? "Started could not be read.",
    }));

  const figures: MonthlyFigures = {
    month,
    timeZone,
    disruptions: current.length,
    byService: Object.fromEntries(serviceRows.map((row) => [row.service, row.disruptions])),
    bySeverity,
    byType: Object.fromEntries([...types].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))),
    byWeekday,
    byHour,
    minutes: {
      ttd: summarize(present(current.map((record) => record.ttd))),
      ttr: summarize(present(current.map((record) => record.ttr))),
      length: summarize(present(current.map((record) => record.length))),
    },
    trend,
    followThrough: {
      openActionItems: follow.openActionItems.length,
      overdueActionItems: follow.openActionItems.filter((item) => item.overdue).length,
      openReports: follow.openReports.length,
    },
    problems: problems.map((problem) => ({
      issue: problem.issue.number,
      message: problem.message,
    })),
  };

  const details: MonthlyDetails = {
    asOf: now.toISODate() ?? "",
    current: headline(month, current),
    previous: headline(addMonths(month, -1), byMonth.get(addMonths(month, -1)) ?? []),
    services: serviceRows,
    withoutSeverity: current.filter((record) => record.severity === null).length,
    withoutType: current.filter((record) => record.type === null).length,
    when: { grid, weekend, outOfHours },
    ...follow,
    repeats: findRepeats(records, month),
    disruptions: current.map(disruptionRow),
    problems,
  };
  return { figures, details };
}

function checkOptions(options: MonthlyOptions): void {
  if (!isMonth(options.month)) throw new InvalidMonth(options.month);
  if (!IANAZone.isValidZone(options.timeZone)) throw new InvalidTimeZone(options.timeZone);
}

function headline(month: string, records: readonly ReportRecord[]): Headline {
  return {
    month,
    disruptions: records.length,
    severe: records.filter((record) => record.severity === "SEV1" || record.severity === "SEV2")
      .length,
    minutesOfDisruption: sumMinutes(records.map((record) => record.length)),
    medianTtd: roundedMedian(records.map((record) => record.ttd)),
    medianTtr: roundedMedian(records.map((record) => record.ttr)),
  };
}

function disruptionRow(record: ReportRecord): DisruptionRow {
  return {
    issue: record.issue,
    severity: record.severity,
    type: record.type,
    services: record.services,
    started: record.started ? isoTime(record.started) : "",
    lengthMinutes: record.length === null ? null : roundMinutes(record.length),
  };
}

function present(values: readonly (number | null)[]): number[] {
  return values.filter((value): value is number => value !== null);
}

function roundedMedian(values: readonly (number | null)[]): number | null {
  const middle = median(present(values));
  return middle === null ? null : roundMinutes(middle);
}

function sumMinutes(values: readonly (number | null)[]): number | null {
  const known = present(values);
  if (known.length === 0) return null;
  return roundMinutes(known.reduce((sum, value) => sum + value, 0));
}

function byStarted(a: ReportRecord, b: ReportRecord): number {
  return (
    (a.started?.toMillis() ?? 0) - (b.started?.toMillis() ?? 0) || a.issue.number - b.issue.number
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
