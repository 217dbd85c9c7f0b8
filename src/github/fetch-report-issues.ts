import { paginateGraphQL } from "@octokit/plugin-paginate-graphql";
import type { Octokit } from "@octokit/rest";
import { MAX_PAGE_SIZE } from "../limits/github-limits.js";
import type { GraphqlIssueNode } from "./graphql-issue-node.js";

/**
 * The repository's reports with the label, 100 a page: those updated since a time (the analytics
 * window), or those open (whenever last touched). GraphQL, not the search API: search stops at
 * 1,000 results and 30 requests a minute.
 * https://docs.github.com/graphql/reference/input-objects#issuefilters
 */
export const REPORT_ISSUES_QUERY = `query ReportIssues($owner: String!, $name: String!, $labels: [String!], $since: DateTime, $states: [IssueState!], $cursor: String) {
  repository(owner: $owner, name: $name) {
    issues(first: ${MAX_PAGE_SIZE}, after: $cursor, filterBy: { labels: $labels, since: $since, states: $states }, orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes {
        number
        title
        url
        body
        state
        stateReason(enableDuplicate: true)
        createdAt
        closedAt
        labels(first: 50) { nodes { name } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface Page {
  repository: {
    issues: {
      nodes: GraphqlIssueNode[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

/** Anything with Octokit's `graphql` (Probot's context.octokit, or an @octokit/rest client). */
type GraphqlOctokit = Pick<Octokit, "graphql">;

interface ReadOptions {
  owner: string;
  repo: string;
  label: string;
  since: string;
}

/**
 * Reads every report issue of the window (updated since `since`), one query per 100 issues, and
 * then the open reports the window left out: follow-through counts every open report and action
 * item, and a forgotten one is the one to count. That second read is usually one query. `onPage`
 * hears of each page (for progress on a terminal).
 */
export async function fetchReportIssues(
  octokit: GraphqlOctokit,
  options: ReadOptions & { onPage?: (count: number) => void },
): Promise<GraphqlIssueNode[]> {
  const issues: GraphqlIssueNode[] = [];
  for await (const page of reportIssuePages(octokit, options)) {
    issues.push(...page);
    options.onPage?.(issues.length);
  }
  return issues;
}

/**
 * The issues {@link fetchReportIssues} reads, a page at a time as they come (each issue once),
 * for a caller that reads each page while the next is on its way (see `readAhead`).
 */
export async function* reportIssuePages(
  octokit: GraphqlOctokit,
  options: ReadOptions,
): AsyncGenerator<GraphqlIssueNode[]> {
  // The plugin adds `paginate` to this client's graphql function (Probot's Octokit lacks it).
  const { graphql } = paginateGraphQL(octokit as Parameters<typeof paginateGraphQL>[0]);
  const seen = new Set<number>();
  const filters = [{ since: options.since }, { states: ["OPEN"] }];
  for (const filter of filters) {
    const pages = graphql.paginate.iterator<Page>(REPORT_ISSUES_QUERY, {
      owner: options.owner,
      name: options.repo,
      labels: [options.label],
      ...filter,
    });
    for await (const page of pages) {
      const fresh: GraphqlIssueNode[] = [];
      for (const node of page.repository?.issues.nodes ?? []) {
        if (seen.has(node.number)) continue;
        seen.add(node.number);
        fresh.push(node);
      }
      yield fresh;
    }
  }
}
