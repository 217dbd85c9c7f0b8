import { compare } from "./count-figures.js";
import type { ReportRecord } from "./read-report-record.js";
import { median, roundMinutes, type Summary, summarize } from "./stats.js";
import {
  type Headline,
  PHASES,
  type Phase,
  type RepositoryRow,
  type ServiceRow,
  type TrendEntry,
} from "./types.js";

/** Median, p90 and mean of each phase over the records that have it. */
export function phaseSummaries(records: readonly ReportRecord[]): Record<Phase, Summary | null> {
  return Object.fromEntries(
    PHASES.map((phase) => [phase, summarize(present(records.map((record) => record[phase])))]),
  ) as Record<Phase, Summary | null>;
}

/** One entry per month, with the medians of each phase. */
export function trendEntries(
  months: readonly string[],
  byMonth: ReadonlyMap<string, readonly ReportRecord[]>,
): TrendEntry[] {
  return months.map((month) => {
    const list = byMonth.get(month) ?? [];
    return {
      month,
      disruptions: list.length,
      medianTtd: roundedMedian(list.map((record) => record.ttd)),
      medianTta: roundedMedian(list.map((record) => record.tta)),
      medianTtm: roundedMedian(list.map((record) => record.ttm)),
      medianTtr: roundedMedian(list.map((record) => record.ttr)),
    };
  });
}

/** The headline figures of a period, for the change from the one before. */
export function headline(period: string, records: readonly ReportRecord[]): Headline {
  return {
    month: period,
    disruptions: records.length,
    severe: records.filter(isSevere).length,
    minutesOfDisruption: sumMinutes(records.map((record) => record.length)),
    medianTtd: roundedMedian(records.map((record) => record.ttd)),
    medianTtm: roundedMedian(records.map((record) => record.ttm)),
    medianTtr: roundedMedian(records.map((record) => record.ttr)),
  };
}

/** Per service (a record with two services counts for each), most disruptions first. */
export function serviceRows(records: readonly ReportRecord[]): ServiceRow[] {
  return grouped(records, (record) => record.services)
    .map(([service, list]) => ({
      service,
      disruptions: list.length,
      minutes: sumMinutes(list.map((record) => record.length)),
      medianTtm: roundedMedian(list.map((record) => record.ttm)),
      medianTtr: roundedMedian(list.map((record) => record.ttr)),
    }))
    .sort((a, b) => b.disruptions - a.disruptions || compare(a.service, b.service));
}

/** Per repository, most disruptions first. */
export function repositoryRows(records: readonly ReportRecord[]): RepositoryRow[] {
  return grouped(records, (record) => [record.issue.repo])
    .map(([repo, list]) => ({
      repo,
      disruptions: list.length,
      severe: list.filter(isSevere).length,
      medianTtm: roundedMedian(list.map((record) => record.ttm)),
      medianTtr: roundedMedian(list.map((record) => record.ttr)),
    }))
    .sort((a, b) => b.disruptions - a.disruptions || compare(a.repo, b.repo));
}

/** The median rounded to 0.1 minute, over the values present; null when none is. */
function roundedMedian(values: readonly (number | null)[]): number | null {
  const middle = median(present(values));
  return middle === null ? null : roundMinutes(middle);
}

/** The sum rounded to 0.1 minute, over the values present; null when none is. */
function sumMinutes(values: readonly (number | null)[]): number | null {
  const known = present(values);
  if (known.length === 0) return null;
  return roundMinutes(known.reduce((sum, value) => sum + value, 0));
}

function isSevere(record: ReportRecord): boolean {
  return record.severity === "SEV1" || record.severity === "SEV2";
}

function grouped(
  records: readonly ReportRecord[],
  keys: (record: ReportRecord) => readonly string[],
): [string, ReportRecord[]][] {
  const groups = new Map<string, ReportRecord[]>();
  for (const record of records) {
    for (const key of keys(record)) {
      const list = groups.get(key);
      if (list) list.push(record);
      else groups.set(key, [record]);
    }
  }
  return [...groups];
}

function present(values: readonly (number | null)[]): number[] {
  return values.filter((value): value is number => value !== null);
}
