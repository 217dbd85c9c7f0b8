import type { Octokit } from "@octokit/rest";
import type { DateTime } from "luxon";
import type { AnalyticsIssue } from "../analytics/analytics-issue.js";
import { buildReportFromRecords, type ReportOutput } from "../analytics/build-report.js";
import { buildReportOffThread } from "../analytics/build-report-off-thread.js";
import { analyticsWindowStart } from "../analytics/compute-monthly-metrics.js";
import { type ReportRecord, readReportRecords } from "../analytics/read-report-record.js";
import { monthlyReportTitle } from "../analytics/render-monthly-report.js";
import type { MonthlyResult } from "../analytics/types.js";
import type { Config } from "../config/config.js";
import { createOnce } from "./create-once.js";
import { createLabel } from "./ensure-labels.js";
import { reportIssuePages } from "./fetch-report-issues.js";
import { reportPagesOfRepositories } from "./fetch-reports-of-repositories.js";
import {
  type AnalyticsIssueFound,
  type AnalyticsIssueWhere,
  findAnalyticsIssue,
  keepFirstIssue,
} from "./find-analytics-issue.js";
import { fromGraphqlNode, type GraphqlIssueNode } from "./graphql-issue-node.js";
import { readAhead } from "./read-ahead.js";
import { type RepositoryName, reportRepositories } from "./report-repositories.js";
import { syncReportParts } from "./sync-report-parts.js";

/** What the analytics need of a GitHub client: Probot's context.octokit or an @octokit/rest one. */
export type GitHubClient = Pick<Octokit, "graphql" | "paginate" | "rest" | "request">;

export interface MonthlyReportRequest {
  owner: string;
  repo: string;
  /** A month `YYYY-MM`, a quarter `YYYY-Qn` or a year `YYYY`. */
  period: string;
  config: Config;
  now: DateTime;
  /** Hears the number of issues read after each page (progress on a terminal). */
  onPage?: (count: number) => void;
  /**
   * The repositories whose reports count, this one first; by default this one and its config's
   * `report.repositories` (see `reportRepositories`).
   */
  repositories?: RepositoryName[];
  /**
   * Computes the report on this thread, reading each page of reports while the next is fetched
   * (the CLI, with no deliveries to answer); by default it is computed in the analytics worker
   * thread once every page is read, so the app's event loop stays free.
   */
  inPlace?: boolean;
  /** The look-up already made by the caller (the schedule), so it is not made twice. */
  found?: Awaited<ReturnType<typeof findAnalyticsIssue>>;
}

/**
 * Reads the window's reports (⌈N/100⌉ GraphQL queries; over several repositories ⌈N/100⌉ plus
 * one per 50 repositories) and computes the period's figures and, with `parts`, the parts its
 * issue takes (body, then continuation comments).
 */
export async function buildMonthlyReport(
  octokit: GitHubClient,
  request: MonthlyReportRequest,
  options: { parts: boolean } = { parts: false },
): Promise<ReportOutput> {
  const { owner, repo, period, config, now } = request;
  const since = analyticsWindowStart(period, config.timeZone).toUTC().toISO() ?? "";
  const repositories =
    request.repositories ??
    (await reportRepositories(octokit, { owner, repo }, config, { installation: true }));
  const read = { label: config.labels.report, since };
  const pages =
    repositories.length === 1
      ? reportIssuePages(octokit, { owner, repo, ...read })
      : reportPagesOfRepositories(octokit, { repositories, ...read });
  const job = {
    period,
    now: now.toISO() ?? "",
    config,
    repo: `${owner}/${repo}`,
    parts: options.parts,
  };
  if (request.inPlace) {
    return buildReportFromRecords(await readRecords(pages, config, request.onPage), job);
  }
  const issues: AnalyticsIssue[] = [];
  for await (const nodes of pages) {
    for (const node of nodes) issues.push(fromGraphqlNode(node));
    request.onPage?.(issues.length);
  }
  return buildReportOffThread({ ...job, issues });
}

/** The records of the reports of each page, read while the next page is on its way. */
async function readRecords(
  pages: AsyncIterable<GraphqlIssueNode[]>,
  config: Config,
  onPage?: (count: number) => void,
): Promise<ReportRecord[]> {
  const records: ReportRecord[] = [];
  let count = 0;
  for await (const nodes of readAhead(pages)) {
    count += nodes.length;
    onPage?.(count);
    const issues = nodes.map(fromGraphqlNode);
    records.push(...readReportRecords(issues, { timeZone: config.timeZone, config }));
  }
  return records;
}

export type PublishOutcome = {
  action: "created" | "updated" | "unchanged";
  number: number;
  url: string;
  /** When the issue was created (ISO 8601). */
  createdAt: string;
};

/**
 * Publishes the period's analytics issue: creates it, or edits the existing one in place (never a
 * second one), and writes nothing when it already says the same. A report longer than GitHub
 * takes goes on in continuation comments, each found again by its marker and edited in place.
 */
export async function publishMonthlyReport(
  octokit: GitHubClient,
  request: MonthlyReportRequest,
): Promise<PublishOutcome & { result: MonthlyResult }> {
  const { owner, repo, period, config } = request;
  const { result, parts } = await buildMonthlyReport(octokit, request, { parts: true });
  const [body = "", ...comments] = parts;
  const where = { owner, repo, label: config.labels.analytics, period };
  const found = request.found ?? (await findAnalyticsIssue(octokit, where));
  const text = { title: monthlyReportTitle(period), body };
  const written = found.issue
    ? await updateAnalyticsIssue(octokit, where, found.issue, text)
    : await createAnalyticsIssue(octokit, where, text, { config, labelExists: found.labelExists });
  const { issue } = written;
  const synced = await syncReportParts(octokit, {
    owner,
    repo,
    issueNumber: issue.number,
    period,
    parts: comments,
    hasComments: issue.comments > 0,
  });
  const action = written.action === "unchanged" && synced ? "updated" : written.action;
  return { action, number: issue.number, url: issue.url, createdAt: issue.createdAt, result };
}

type Written = { action: PublishOutcome["action"]; issue: AnalyticsIssueFound };

/** Edits the period's issue to `text`, unless it already says that. */
async function updateAnalyticsIssue(
  octokit: GitHubClient,
  where: AnalyticsIssueWhere,
  issue: AnalyticsIssueFound,
  text: { title: string; body: string },
): Promise<Written> {
  if (issue.body === text.body && issue.title === text.title) return { action: "unchanged", issue };
  const { owner, repo } = where;
  await octokit.rest.issues.update({ owner, repo, issue_number: issue.number, ...text });
  return { action: "updated", issue };
}

/**
 * Creates the period's issue once (found again by its marker when a create's answer is lost), and
 * keeps the first when another publisher created a twin at the same moment.
 */
async function createAnalyticsIssue(
  octokit: GitHubClient,
  where: AnalyticsIssueWhere,
  text: { title: string; body: string },
  label: { config: Config; labelExists: boolean },
): Promise<Written> {
  const { owner, repo } = where;
  // The first report ever: give the label its colour and description (GitHub would create it grey).
  if (!label.labelExists) await createLabel(octokit, { owner, repo }, where.label, label.config);
  const created = await createOnce(octokit, {
    create: async (options) => {
      const { data } = await octokit.rest.issues.create({
        owner,
        repo,
        ...text,
        labels: [where.label],
        ...options,
      });
      return {
        number: data.number,
        ...text,
        url: data.html_url,
        comments: 0,
        createdAt: data.created_at,
      };
    },
    find: async () => (await findAnalyticsIssue(octokit, where)).issue,
  });
  return { action: "created", issue: await keepFirstIssue(octokit, where, created) };
}
