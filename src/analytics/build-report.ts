import { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import type { AnalyticsIssue } from "./analytics-issue.js";
import { computeMonthlyMetrics } from "./compute-monthly-metrics.js";
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
  const { config } = job;
  const result = computeMonthlyMetrics(job.issues, {
    period: job.period,
    timeZone: config.timeZone,
    now: DateTime.fromISO(job.now, { setZone: true }),
    config,
  });
  const options = { repo: job.repo, reportLabel: config.labels.report };
  return { result, parts: job.parts ? renderIssueParts(result, options) : [] };
}
