import { type ReportRecord, readReportRecord } from "../analytics/read-report-record.js";
import type { Config } from "../config/config.js";
import { isReport } from "../labels/is-report.js";
import { hasLabel } from "../labels/label-name.js";
import { streamIssuesFile } from "./read-issues-stream.js";

/**
 * The report records of one or more files of issues (several repositories' exports make one
 * organisation-wide report), each issue read from the stream, turned into its compact record and
 * let go: memory holds records, never the files' text or their bodies.
 */
export async function readReportFiles(
  files: readonly string[],
  stdin: NodeJS.ReadableStream,
  config: Config,
): Promise<{ records: ReportRecord[]; issues: number; labelled: number; firstUrl?: string }> {
  const records: ReportRecord[] = [];
  let issues = 0;
  let labelled = 0;
  let firstUrl: string | undefined;
  for (const file of files) {
    for await (const issue of streamIssuesFile(file, stdin)) {
      issues += 1;
      firstUrl ??= issue.url;
      if (hasLabel(issue.labels, config.labels.report)) labelled += 1;
      if (!isReport(issue.labels, config.labels) || issue.stateReason === "duplicate") continue;
      records.push(readReportRecord(issue, { timeZone: config.timeZone, config }));
    }
  }
  return { records, issues, labelled, ...(firstUrl ? { firstUrl } : {}) };
}
