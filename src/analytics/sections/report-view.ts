import { link } from "../markdown-text.js";
import { type Period, periodName, periodOf } from "../period.js";
import type { IssueRef, MonthlyResult } from "../types.js";

/** What every section of the report reads: the result and how to name things. */
export interface ReportView {
  result: MonthlyResult;
  period: Period;
  /** `October 2026`, `Q3 2026 (July–September)`, `2026`. */
  name: string;
  reportLabel: string;
  /** The reports come from more than one repository: links and tables name it. */
  multiRepo: boolean;
  /** The period has no disruption. */
  none: boolean;
}

export function reportView(result: MonthlyResult, reportLabel: string): ReportView {
  const period = periodOf(result.figures.month);
  const repos = new Set<string>();
  for (const row of result.details.disruptions) repos.add(row.issue.repo);
  for (const item of result.details.openActionItems) repos.add(item.issue.repo);
  for (const report of result.details.openReports) repos.add(report.issue.repo);
  return {
    result,
    period,
    name: periodName(period),
    reportLabel,
    multiRepo: repos.size > 1,
    none: result.figures.disruptions === 0,
  };
}

/** `#12 Checkout down`, or `acme/web#12 Checkout down` when several repositories report. */
export function reportLink(view: ReportView, issue: IssueRef): string {
  const prefix = view.multiRepo && issue.repo ? issue.repo : "";
  return link(`${prefix}#${issue.number} ${issue.title}`, issue.url);
}

/** `#12`, or `acme/web#12` when several repositories report, linked. */
export function shortLink(view: ReportView, issue: IssueRef): string {
  const prefix = view.multiRepo && issue.repo ? issue.repo : "";
  return `[${prefix}#${issue.number}](${issue.url})`;
}

/** `1 disruption`, `3 disruptions`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
