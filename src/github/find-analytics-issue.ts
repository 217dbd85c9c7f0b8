import type { Octokit } from "@octokit/rest";
import { readAnalyticsMarker } from "../analytics/render-monthly-report.js";
import { MAX_PAGE_SIZE } from "../limits/github-limits.js";

/** What finding an analytics issue needs of a GitHub client. */
type ListClient = Pick<Octokit, "paginate" | "rest">;

/** Where a period's analytics issue is looked for: a repository, the analytics label, the period. */
export interface AnalyticsIssueWhere {
  owner: string;
  repo: string;
  label: string;
  period: string;
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

type ListedIssue = Awaited<ReturnType<ListClient["rest"]["issues"]["listForRepo"]>>["data"][number];

/**
 * The analytics issue of a period, found by its hidden marker among the issues with the analytics
 * label (one request: a dozen a year), or null.
 */
export async function findAnalyticsIssue(
  octokit: ListClient,
  where: AnalyticsIssueWhere,
): Promise<{ issue: AnalyticsIssueFound | null; labelExists: boolean }> {
  const { labelled, marked } = await markedIssues(octokit, where);
  // Two instances publishing at one moment may each have created one: the first created counts.
  const [first] = marked;
  return { issue: first ? found(first) : null, labelExists: labelled > 0 };
}

/**
 * After a create, looks for twins of the period's issue (another instance, or a repeated request,
 * created one at the same moment): the lowest number stays, every other one is closed as a
 * duplicate pointing to it, its marker removed so it is never found again. Every publisher
 * decides the same way, so concurrent publishes end with one issue.
 */
export async function keepFirstIssue(
  octokit: ListClient,
  where: AnalyticsIssueWhere,
  created: AnalyticsIssueFound,
): Promise<AnalyticsIssueFound> {
  const [first, ...extra] = (await markedIssues(octokit, where)).marked;
  if (!first) return created;
  for (const twin of extra) {
    await octokit.rest.issues.update({
      owner: where.owner,
      repo: where.repo,
      issue_number: twin.number,
      state: "closed",
      state_reason: "duplicate",
      body: `Duplicate of #${first.number}, published at the same moment.`,
    });
  }
  return found(first);
}

/** The issues with the analytics label (how many), and those marked as the period's, by number. */
async function markedIssues(
  octokit: ListClient,
  where: AnalyticsIssueWhere,
): Promise<{ labelled: number; marked: ListedIssue[] }> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner: where.owner,
    repo: where.repo,
    labels: where.label,
    state: "all",
    per_page: MAX_PAGE_SIZE,
  });
  const marked = issues
    .filter((issue) => !issue.pull_request && readAnalyticsMarker(issue.body) === where.period)
    .sort((a, b) => a.number - b.number);
  return { labelled: issues.length, marked };
}

function found(issue: ListedIssue): AnalyticsIssueFound {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    url: issue.html_url,
    comments: issue.comments,
    createdAt: issue.created_at,
  };
}
