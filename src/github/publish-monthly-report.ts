import type { Octokit } from "@octokit/rest";
import type { DateTime } from "luxon";
import { fromGraphqlNode } from "../analytics/analytics-issue.js";
import {
  analyticsWindowStart,
  computeMonthlyMetrics,
} from "../analytics/compute-monthly-metrics.js";
import {
  monthlyReportTitle,
  readAnalyticsMarker,
  renderMonthlyReport,
} from "../analytics/render-monthly-report.js";
import type { MonthlyResult } from "../analytics/types.js";
import type { Config } from "../config/config.js";
import { createLabel } from "./ensure-labels.js";
import { fetchReportIssues } from "./fetch-report-issues.js";
import { MAX_PAGE_SIZE } from "./limits.js";

/** What the analytics need of a GitHub client: Probot's context.octokit or an @octokit/rest one. */
export type GitHubClient = Pick<Octokit, "graphql" | "paginate" | "rest">;

export interface MonthlyReportRequest {
  owner: string;
  repo: string;
  month: string;
  config: Config;
  now: DateTime;
  /** Hears the number of issues read after each page (progress on a terminal). */
  onPage?: (count: number) => void;
  /** The look-up already made by the caller (the schedule), so it is not made twice. */
  found?: Awaited<ReturnType<typeof findAnalyticsIssue>>;
}

/**
 * Reads the window's reports (⌈N/100⌉ GraphQL queries) and computes the month: figures and the
 * markdown of its issue.
 */
export async function buildMonthlyReport(
  octokit: GitHubClient,
  request: MonthlyReportRequest,
): Promise<{ result: MonthlyResult; markdown: string }> {
  const { owner, repo, month, config, now } = request;
  const since = analyticsWindowStart(month, config.timeZone).toUTC().toISO() ?? "";
  const nodes = await fetchReportIssues(octokit, {
    owner,
    repo,
    label: config.labels.report,
    since,
    ...(request.onPage ? { onPage: request.onPage } : {}),
  });
  const result = computeMonthlyMetrics(nodes.map(fromGraphqlNode), {
    month,
    timeZone: config.timeZone,
    now,
    config,
  });
  const markdown = renderMonthlyReport(result, {
    repo: `${owner}/${repo}`,
    reportLabel: config.labels.report,
  });
  return { result, markdown };
}

export interface AnalyticsIssueFound {
  number: number;
  title: string;
  body: string;
  url: string;
}

/**
 * The analytics issue of a month, found by its hidden marker among the issues with the analytics
 * label (one request: a dozen a year), or null.
 */
export async function findAnalyticsIssue(
  octokit: GitHubClient,
  options: { owner: string; repo: string; label: string; month: string },
): Promise<{ issue: AnalyticsIssueFound | null; labelExists: boolean }> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: options.owner,
    repo: options.repo,
    labels: options.label,
    state: "all",
    per_page: MAX_PAGE_SIZE,
  });
  const match = issues.find(
    (issue) => !issue.pull_request && readAnalyticsMarker(issue.body) === options.month,
  );
  return {
    issue: match
      ? { number: match.number, title: match.title, body: match.body ?? "", url: match.html_url }
      : null,
    labelExists: issues.length > 0,
  };
}

export type PublishOutcome = {
  action: "created" | "updated" | "unchanged";
  number: number;
  url: string;
};

/**
 * Publishes the month's analytics issue: creates it, or edits the existing one in place (never a
 * second one), and writes nothing when it already says the same.
 */
export async function publishMonthlyReport(
  octokit: GitHubClient,
  request: MonthlyReportRequest,
): Promise<PublishOutcome & { result: MonthlyResult }> {
  const { owner, repo, month, config } = request;
  const { result, markdown } = await buildMonthlyReport(octokit, request);
  const title = monthlyReportTitle(month);
  const label = config.labels.analytics;
  const found = request.found ?? (await findAnalyticsIssue(octokit, { owner, repo, label, month }));
  if (found.issue) {
    const { issue } = found;
    if (issue.body === markdown && issue.title === title)
      return { action: "unchanged", number: issue.number, url: issue.url, result };
    await octokit.rest.issues.update({
      owner,
      repo,
      issue_number: issue.number,
      title,
      body: markdown,
    });
    return { action: "updated", number: issue.number, url: issue.url, result };
  }
  if (!found.labelExists) {
    // The first report ever: give the label its colour and description (GitHub would create it grey).
    await createLabel(octokit, { owner, repo }, label, config);
  }
  const { data } = await octokit.rest.issues.create({
    owner,
    repo,
    title,
    body: markdown,
    labels: [label],
  });
  return { action: "created", number: data.number, url: data.html_url, result };
}
