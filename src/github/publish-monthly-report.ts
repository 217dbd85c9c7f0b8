import type { Octokit } from "@octokit/rest";
import type { DateTime } from "luxon";
import type { ReportJob, ReportOutput } from "../analytics/build-report.js";
import { buildReportOffThread } from "../analytics/build-report-off-thread.js";
import { analyticsWindowStart } from "../analytics/compute-monthly-metrics.js";
import { monthlyReportTitle } from "../analytics/render-monthly-report.js";
import type { MonthlyResult } from "../analytics/types.js";
import type { Config } from "../config/config.js";
import { createOnce } from "./create-once.js";
import { createLabel } from "./ensure-labels.js";
import { fetchReportIssues } from "./fetch-report-issues.js";
import { fetchReportsOfRepositories } from "./fetch-reports-of-repositories.js";
import {
  type AnalyticsIssueFound,
  type AnalyticsIssueWhere,
  findAnalyticsIssue,
  keepFirstIssue,
} from "./find-analytics-issue.js";
import { fromGraphqlNode } from "./graphql-issue-node.js";
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
   * Computes and renders the report; by default in the analytics worker thread, so the app's
   * event loop stays free (the CLI, with no deliveries to answer, computes in place).
   */
  compute?: (job: ReportJob) => Promise<ReportOutput>;
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
  const read = {
    label: config.labels.report,
    since,
    ...(request.onPage ? { onPage: request.onPage } : {}),
  };
  const nodes =
    repositories.length === 1
      ? await fetchReportIssues(octokit, { owner, repo, ...read })
      : await fetchReportsOfRepositories(octokit, { repositories, ...read });
  const compute = request.compute ?? buildReportOffThread;
  return compute({
    issues: nodes.map(fromGraphqlNode),
    period,
    now: now.toISO() ?? "",
    config,
    repo: `${owner}/${repo}`,
    parts: options.parts,
  });
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
