import { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import type { AnalyticsIssue } from "./analytics-issue.js";
import { computeMonthlyMetrics, metricsFromRecords } from "./compute-monthly-metrics.js";
import type { ReportRecord } from "./read-report-record.js";
import { renderIssueParts } from "./render-monthly-report.js";
import type { MonthlyResult } from "./types.js";

/**
 * Everything a report is computed from, as plain data (it crosses to a worker thread by
 * structured clone): the issues, the period, "today" as ISO 8601 with its offset.
 */
export interface ReportJob {
  issues: AnalyticsIssue[];
  period: string;
  /** ISO 8601 with an offset: "today" for overdue items and reviews. */
  now: string;
  config: Config;
  /** `owner/name` of the publishing repository, for links. */
  repo: string;
  /** Render the parts the issue takes (to publish); without, only the figures are computed. */
  parts: boolean;
}

/** The figures, and (when asked) the parts the report's issue takes: body, then comments. */
export interface ReportOutput {
  result: MonthlyResult;
  parts: string[];
}

/** Computes (and renders) a report: the pure core of an analytics run, on whichever thread calls it. */
export function buildReport(job: ReportJob): ReportOutput {
  const result = computeMonthlyMetrics(job.issues, metricsOptions(job));
  return { result, parts: renderedParts(result, job) };
}

/**
 * {@link buildReport} over the records of the issues, already read (`readReportRecords` in the
 * config's zone): for a caller that reads each page of reports as it comes.
 */
export function buildReportFromRecords(
  records: readonly ReportRecord[],
  job: Omit<ReportJob, "issues">,
): ReportOutput {
  const result = metricsFromRecords(records, metricsOptions(job));
  return { result, parts: renderedParts(result, job) };
}

function metricsOptions(job: Omit<ReportJob, "issues">) {
  const { config } = job;
  const now = DateTime.fromISO(job.now, { setZone: true });
  return { period: job.period, timeZone: config.timeZone, now, config };
}

function renderedParts(result: MonthlyResult, job: Omit<ReportJob, "issues">): string[] {
  const options = { repo: job.repo, reportLabel: job.config.labels.report };
  return job.parts ? renderIssueParts(result, options) : [];
}
