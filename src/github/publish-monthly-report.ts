import type { Octokit } from "@octokit/rest";
import type { DateTime } from "luxon";
import { fromGraphqlNode } from "../analytics/analytics-issue.js";
import type { ReportJob, ReportOutput } from "../analytics/build-report.js";
import { buildReportOffThread } from "../analytics/build-report-off-thread.js";
import { analyticsWindowStart } from "../analytics/compute-monthly-metrics.js";
import { monthlyReportTitle, readAnalyticsMarker } from "../analytics/render-monthly-report.js";
import type { MonthlyResult } from "../analytics/types.js";
import type { Config } from "../config/config.js";
import { createOnce } from "./create-once.js";
import { createLabel } from "./ensure-labels.js";
import { fetchReportIssues } from "./fetch-report-issues.js";
import { fetchReportsOfRepositories } from "./fetch-reports-of-repositories.js";
import { MAX_PAGE_SIZE } from "./limits.js";
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

export interface AnalyticsIssueFound {
  number: number;
  title: string;
  body: string;
  url: string;
  comments: number;
  /** When GitHub created it (ISO 8601). */
  createdAt: string;
}

/**
 * The analytics issue of a period, found by its hidden marker among the issues with the analytics
 * label (one request: a dozen a year), or null.
 */
export async function findAnalyticsIssue(
  octokit: GitHubClient,
  options: { owner: string; repo: string; label: string; period: string },
): Promise<{ issue: AnalyticsIssueFound | null; labelExists: boolean }> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: options.owner,
    repo: options.repo,
    labels: options.label,
    state: "all",
    per_page: MAX_PAGE_SIZE,
  });
  // Two instances publishing at one moment may each have created one: the first created counts.
  const match = issues
    .filter((issue) => !issue.pull_request && readAnalyticsMarker(issue.body) === options.period)
    .sort((a, b) => a.number - b.number)[0];
  return {
    issue: match
      ? {
          number: match.number,
          title: match.title,
          body: match.body ?? "",
          url: match.html_url,
          comments: match.comments,
          createdAt: match.created_at,
        }
      : null,
    labelExists: issues.length > 0,
  };
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
  const title = monthlyReportTitle(period);
  const label = config.labels.analytics;
  const found =
    request.found ?? (await findAnalyticsIssue(octokit, { owner, repo, label, period }));
  if (found.issue) {
    const { issue } = found;
    const same = issue.body === body && issue.title === title;
    if (!same)
      await octokit.rest.issues.update({ owner, repo, issue_number: issue.number, title, body });
    const synced = await syncReportParts(octokit, {
      owner,
      repo,
      issueNumber: issue.number,
      period,
      parts: comments,
      hasComments: issue.comments > 0,
    });
    const action = same && !synced ? "unchanged" : "updated";
    return { action, number: issue.number, url: issue.url, createdAt: issue.createdAt, result };
  }
  // The first report ever: give the label its colour and description (GitHub would create it grey).
  if (!found.labelExists) await createLabel(octokit, { owner, repo }, label, config);
  const find = async () =>
    (await findAnalyticsIssue(octokit, { owner, repo, label, period })).issue;
  const created = await createOnce(octokit, {
    create: async (options) => {
      const { data } = await octokit.rest.issues.create({
        owner,
        repo,
        title,
        body,
        labels: [label],
        ...options,
      });
      return {
        number: data.number,
        title,
        body,
        url: data.html_url,
        comments: 0,
        createdAt: data.created_at,
      };
    },
    find,
  });
  const kept = await keepFirstIssue(octokit, { owner, repo, label, period }, created);
  await syncReportParts(octokit, {
    owner,
    repo,
    issueNumber: kept.number,
    period,
    parts: comments,
    hasComments: kept.comments > 0,
  });
  return {
    action: "created",
    number: kept.number,
    url: kept.url,
    createdAt: kept.createdAt,
    result,
  };
}

/**
 * After a create, looks for twins of the month's issue (another instance, or a repeated request,
 * created one at the same moment): the lowest number stays, every other one is closed as a
 * duplicate pointing to it, its marker removed so it is never found again. Every publisher
 * decides the same way, so concurrent publishes end with one issue.
 */
async function keepFirstIssue(
  octokit: GitHubClient,
  options: { owner: string; repo: string; label: string; period: string },
  created: AnalyticsIssueFound,
): Promise<AnalyticsIssueFound> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: options.owner,
    repo: options.repo,
    labels: options.label,
    state: "all",
    per_page: MAX_PAGE_SIZE,
  });
  const twins = issues
    .filter((issue) => !issue.pull_request && readAnalyticsMarker(issue.body) === options.period)
    .sort((a, b) => a.number - b.number);
  const [first, ...extra] = twins;
  if (!first) return created;
  for (const twin of extra) {
    await octokit.rest.issues.update({
      owner: options.owner,
      repo: options.repo,
      issue_number: twin.number,
      state: "closed",
      state_reason: "duplicate",
      body: `Duplicate of #${first.number}, published at the same moment.`,
    });
  }
  return {
    number: first.number,
    title: first.title,
    body: first.body ?? "",
    url: first.html_url,
    comments: first.comments,
    createdAt: first.created_at,
  };
}
