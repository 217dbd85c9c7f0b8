import { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { isReport } from "../labels/is-report.js";
import { cachedZone } from "../report/cached-offset-zone.js";
import type { CustomerImpact, Severity } from "../report/types.js";
import { readReportWithConfig } from "../templates/read-report-with-config.js";
import type { AnalyticsIssue } from "./analytics-issue.js";
import { monthOf } from "./month.js";
import type { IssueRef } from "./types.js";

/**
 * What the analytics need of one report, read once from its body: small enough that 10,000 of
 * them stay cheap after the parsed bodies are gone.
 */
export interface ReportRecord {
  issue: IssueRef;
  open: boolean;
  /** Started in the report zone, or null when it cannot be read (see `startedProblem`). */
  started: DateTime | null;
  startedProblem: string | null;
  /** `YYYY-MM` of Started in the report zone. */
  month: string | null;
  /** Lower case, each once. */
  services: string[];
  type: string | null;
  severity: Severity | null;
  customerImpact: CustomerImpact | null;
  ttd: number | null;
  tta: number | null;
  ttm: number | null;
  ttr: number | null;
  length: number | null;
  /** Resolved in the report zone; the issue's close time when Resolved is empty on a closed issue. */
  resolved: DateTime | null;
  /** Action items neither done nor dropped. */
  openItems: { text: string; owners: string[]; due: string | null }[];
  lessonsEmpty: boolean;
}

/**
 * Reads one report's body (once) into a {@link ReportRecord}, through the config's template when
 * it has one. Times without a zone are read in `timeZone`; every time comes back in that zone.
 */
export function readReportRecord(
  issue: AnalyticsIssue,
  options: { timeZone: string; config: Config },
): ReportRecord {
  // Through the repository's template, if any (README, "Bring your own template").
  const { parsed } = readReportWithConfig(
    issue.body,
    { ...options.config, timeZone: options.timeZone },
    { title: issue.title, createdAt: issue.createdAt, closedAt: issue.closedAt },
  );
  const zone = cachedZone(options.timeZone);
  const { report, times, durations } = parsed;
  const started = times.started?.setZone(zone) ?? null;
  const startedProblem = started
    ? null
    : (parsed.problems.find((problem) => problem.field === "started")?.message ??
      "Started could not be read.");
  const closedAt = issue.state === "closed" && issue.closedAt ? issue.closedAt : null;
  const resolved =
    times.resolved?.setZone(zone) ?? (closedAt ? DateTime.fromISO(closedAt, { zone }) : null);
  return {
    issue: { repo: repoOfUrl(issue.url), number: issue.number, title: issue.title, url: issue.url },
    open: issue.state === "open",
    started,
    startedProblem: startedProblem === null ? null : own(startedProblem),
    month: started ? monthOf(started) : null,
    services: [...new Set(report.services.map((service) => own(service.toLowerCase())))],
    type: report.type,
    severity: report.severity,
    customerImpact: report.customerImpact,
    ttd: durations.ttdMinutes,
    tta: durations.ttaMinutes,
    ttm: durations.ttmMinutes,
    ttr: durations.ttrMinutes,
    length: durations.lengthMinutes,
    resolved,
    openItems: parsed.actionItems
      .filter((item) => !item.checked && !item.dropped)
      .map((item) => ({
        text: own(item.text),
        owners: item.owners.map(own),
        due: item.due === null ? null : own(item.due),
      })),
    lessonsEmpty: parsed.sections.find((section) => section.name === "Lessons")?.empty ?? true,
  };
}

/**
 * A copy of a string cut from a body that does not keep the body alive: V8 keeps the whole parent
 * of a slice (13 characters or more), so 100,000 records would otherwise hold every body they
 * were read from (about 3 KB each) for one item's text.
 */
function own(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/**
 * The records of every report the analytics count, each body parsed once: a report (see
 * `isReport`) not closed as a duplicate. Issue order is kept.
 */
export function readReportRecords(
  issues: readonly AnalyticsIssue[],
  options: { timeZone: string; config: Config },
): ReportRecord[] {
  const records: ReportRecord[] = [];
  for (const issue of issues) {
    if (!isReport(issue.labels, options.config.labels) || issue.stateReason === "duplicate")
      continue;
    records.push(readReportRecord(issue, options));
  }
  return records;
}

const ISSUE_URL = /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/(?:issues|pull)\/\d+/;

/**
 * The repository an issue URL names, `owner/name`, or `""` for another URL.
 *
 * @example repoOfUrl("https://github.com/acme/ops/issues/12") // "acme/ops"
 */
function repoOfUrl(url: string): string {
  return ISSUE_URL.exec(url)?.[1] ?? "";
}
