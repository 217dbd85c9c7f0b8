import { type DateTime, IANAZone } from "luxon";
import { describeWorkingTime } from "../calendar/describe-working-time.js";
import { workCalendar } from "../calendar/work-calendar.js";
import type { Config } from "../config/config.js";
import { isoTime } from "../report/parse-time.js";
import type { AnalyticsIssue } from "./analytics-issue.js";
import {
  countByHour,
  countByRepository,
  countBySeverity,
  countByType,
  countByWeekday,
  customerImpactFigures,
  weekendAndOutOfHours,
  whenGrid,
} from "./count-figures.js";
import { findRepeats } from "./find-repeats.js";
import { followThrough } from "./follow-through.js";
import { monthStart, monthsEnding } from "./month.js";
import { type Period, periodOf, previousPeriod } from "./period.js";
import {
  headline,
  phaseSummaries,
  repositoryRows,
  serviceRows,
  trendEntries,
} from "./phase-figures.js";
import { type ReportRecord, readReportRecords, recordTime } from "./read-report-record.js";
import { roundMinutes } from "./stats.js";
import type { DisruptionRow, MonthlyDetails, MonthlyFigures, MonthlyResult } from "./types.js";

export interface MonthlyOptions {
  /** A month `YYYY-MM`, a quarter `YYYY-Qn` or a year `YYYY`. */
  period: string;
  /** IANA zone the period, weekdays and hours are read in (config `timeZone`, CLI `--tz`). */
  timeZone: string;
  /** "Today" for overdue items and reviews; the shell passes the clock, tests a fixed time. */
  now: DateTime;
  config: Config;
}

/** Months in the trend, the period's last month included. */
const TREND_MONTHS = 12;

/**
 * The first instant the figures of a period look at: midnight on the 1st of the trend's first
 * month or of the previous period's (a year is compared with the year before), in `timeZone`. The
 * shell reads the reports updated since then (repeats look back 90 days, well inside it).
 *
 * @example analyticsWindowStart("2026-10", "Europe/Berlin").toISO() // "2025-11-01T00:00:00.000+01:00"
 */
export function analyticsWindowStart(period: string, timeZone: string): DateTime {
  const { months } = periodOf(period);
  const trendFirst = monthsEnding(months.at(-1) ?? "", TREND_MONTHS)[0] ?? "";
  const previousFirst = previousPeriod(periodOf(period)).months[0] ?? "";
  return monthStart(previousFirst < trendFirst ? previousFirst : trendFirst, timeZone);
}

/** A time zone that is not an IANA name reached the core (the shell validates it first). */
class InvalidTimeZone extends Error {
  override name = "InvalidTimeZone";
  constructor(readonly timeZone: string) {
    super(`\`${timeZone}\` is not an IANA time zone name (for example UTC or Europe/Berlin).`);
  }
}

/**
 * The figures of one period (a month, quarter or year) and what the published issue shows
 * besides. Only issues with the report label count, never the analytics issues nor reports closed
 * as duplicates; a disruption belongs to the month its Started falls in, in `timeZone`; a report
 * whose Started cannot be read is listed in `problems`. Each body is parsed once, for the period,
 * the trend, the repeats and follow-through alike.
 *
 * @throws {InvalidPeriod} when `period` is not `YYYY-MM`, `YYYY-Qn` or `YYYY`.
 * @throws {InvalidTimeZone} when `timeZone` is not an IANA zone.
 *
 * @example
 * const { figures } = computeMonthlyMetrics(issues, {
 *   period: "2026-10", timeZone: "Europe/Berlin", now: DateTime.fromISO("2026-11-01T09:00Z"), config,
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
 * `timeZone`, for a caller that keeps them between periods (or times the parsing apart).
 */
export function metricsFromRecords(
  records: readonly ReportRecord[],
  options: MonthlyOptions,
): MonthlyResult {
  const period = checkOptions(options);
  const now = options.now.setZone(options.timeZone);
  const byMonth = groupByMonth(records);
  const current = recordsOf(period, byMonth);
  const previous = previousPeriod(period);
  const services = serviceRows(current);
  // The team's working time, read in the zone the figures are (the config's, or the CLI's --tz).
  const calendar = workCalendar({ timeZone: options.timeZone, calendar: options.config.calendar });
  const follow = followThrough(records, now, calendar);
  const problems = dataProblems(records);
  const figures: MonthlyFigures = {
    month: period.key,
    timeZone: options.timeZone,
    disruptions: current.length,
    byService: Object.fromEntries(services.map((row) => [row.service, row.disruptions])),
    bySeverity: countBySeverity(current),
    byType: countByType(current),
    byWeekday: countByWeekday(current),
    byHour: countByHour(current),
    minutes: phaseSummaries(current),
    customerImpact: customerImpactFigures(current),
    byRepository: countByRepository(current),
    trend: trendEntries(monthsEnding(period.months.at(-1) ?? "", TREND_MONTHS), byMonth),
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
    current: headline(period.key, current),
    previous: headline(previous.key, recordsOf(previous, byMonth)),
    services,
    repositories: repositoryRows(current),
    withoutSeverity: current.filter((record) => record.severity === null).length,
    withoutType: current.filter((record) => record.type === null).length,
    when: {
      grid: whenGrid(current),
      ...weekendAndOutOfHours(current, calendar),
      workingTime: describeWorkingTime(calendar),
    },
    ...follow,
    repeats: findRepeats(records, period.months, options.timeZone),
    disruptions: current.map((record) => disruptionRow(record, options.timeZone)),
    problems,
  };
  return { figures, details };
}

function checkOptions(options: MonthlyOptions): Period {
  const period = periodOf(options.period);
  if (!IANAZone.isValidZone(options.timeZone)) throw new InvalidTimeZone(options.timeZone);
  return period;
}

function groupByMonth(records: readonly ReportRecord[]): Map<string, ReportRecord[]> {
  const byMonth = new Map<string, ReportRecord[]>();
  for (const record of records) {
    if (record.month === null) continue;
    const list = byMonth.get(record.month);
    if (list) list.push(record);
    else byMonth.set(record.month, [record]);
  }
  return byMonth;
}

/** The period's records, by Started then number. */
function recordsOf(period: Period, byMonth: ReadonlyMap<string, ReportRecord[]>): ReportRecord[] {
  return period.months.flatMap((month) => byMonth.get(month) ?? []).sort(byStarted);
}

function dataProblems(records: readonly ReportRecord[]): MonthlyDetails["problems"] {
  return records
    .filter((record) => record.started === null)
    .sort((a, b) => compareRefs(a, b))
    .map((record) => ({
      issue: record.issue,
      message: record.startedProblem ?? "Started could not be read.",
    }));
}

function disruptionRow(record: ReportRecord, timeZone: string): DisruptionRow {
  return {
    issue: record.issue,
    severity: record.severity,
    type: record.type,
    services: record.services,
    started: record.started === null ? "" : isoTime(recordTime(record.started, timeZone)),
    lengthMinutes: record.length === null ? null : roundMinutes(record.length),
  };
}

function byStarted(a: ReportRecord, b: ReportRecord): number {
  return (a.started ?? 0) - (b.started ?? 0) || compareRefs(a, b);
}

function compareRefs(a: ReportRecord, b: ReportRecord): number {
  return (
    (a.issue.repo < b.issue.repo ? -1 : a.issue.repo > b.issue.repo ? 1 : 0) ||
    a.issue.number - b.issue.number
  );
}
