import { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { isReport } from "../labels/is-report.js";
import { cachedZone } from "../report/cached-offset-zone.js";
import type { CustomerImpact, Severity } from "../report/types.js";
import type { AnalyticsIssue } from "./analytics-issue.js";
import { monthOf } from "./month.js";
import { readReportFacts } from "./read-report-facts.js";
import type { IssueRef } from "./types.js";

/**
 * What the analytics need of one report, read once from its body: small enough that 100,000 of
 * them stay cheap after the parsed bodies are gone (times are numbers, not luxon objects of some
 * 700 bytes each; see {@link recordTime} for a time in the report zone).
 */
export interface ReportRecord {
  issue: IssueRef;
  open: boolean;
  /** Started, milliseconds since the epoch, or null when it cannot be read (see `startedProblem`). */
  started: number | null;
  startedProblem: string | null;
  /** `YYYY-MM` of Started in the report zone. */
  month: string | null;
  /** Of Started in the report zone: ISO weekday 1 (Monday) to 7, and hour 0..23; 0 without Started. */
  weekday: number;
  hour: number;
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
  /**
   * Resolved, milliseconds since the epoch; the issue's close time when Resolved is empty on a
   * closed issue.
   */
  resolved: number | null;
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
  const facts = readReportFacts(issue, options);
  const { times, durations } = facts;
  const started = times.started?.setZone(cachedZone(options.timeZone)) ?? null;
  const startedProblem = started ? null : (facts.startedProblem ?? "Started could not be read.");
  const closedAt = issue.state === "closed" && issue.closedAt ? issue.closedAt : null;
  const resolved =
    times.resolved?.toMillis() ?? (closedAt ? DateTime.fromISO(closedAt).toMillis() : null);
  return {
    // Owned copies: a streamed JSON parser hands out slices of the chunk it read (64 KB each).
    issue: {
      repo: own(repoOfUrl(issue.url)),
      number: issue.number,
      title: own(issue.title),
      url: own(issue.url),
    },
    open: issue.state === "open",
    started: started ? started.toMillis() : null,
    startedProblem: startedProblem === null ? null : own(startedProblem),
    month: started ? monthOf(started) : null,
    weekday: started ? started.weekday : 0,
    hour: started ? started.hour : 0,
    services: [...new Set(facts.services.map((service) => own(service.toLowerCase())))],
    type: facts.type,
    severity: facts.severity,
    customerImpact: facts.customerImpact,
    ttd: durations.ttdMinutes,
    tta: durations.ttaMinutes,
    ttm: durations.ttmMinutes,
    ttr: durations.ttrMinutes,
    length: durations.lengthMinutes,
    resolved,
    openItems: facts.actionItems
      .filter((item) => !item.checked && !item.dropped)
      .map((item) => ({
        text: own(item.text),
        owners: item.owners.map(own),
        due: item.due === null ? null : own(item.due),
      })),
    lessonsEmpty: facts.lessonsEmpty,
  };
}

/**
 * A time of a record (`started`, `resolved`) in the zone the records were read in.
 *
 * @example recordTime(record.started, "Europe/Berlin").toISO() // "2026-10-05T14:05:00.000+02:00"
 */
export function recordTime(time: number, timeZone: string): DateTime {
  return DateTime.fromMillis(time, { zone: cachedZone(timeZone) });
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
