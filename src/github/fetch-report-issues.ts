import { paginateGraphQL } from "@octokit/plugin-paginate-graphql";
import type { Octokit } from "@octokit/rest";

import type { GraphqlIssueNode } from "../analytics/analytics-issue.js";

/**
 * The repository's reports updated since the start of the analytics window, 100 a page. GraphQL,
 * not the search API: search stops at 1,000 results and 30 requests a minute.
 * https://docs.github.com/graphql/reference/input-objects#issuefilters
 */
export const REPORT_ISSUES_QUERY = `query ReportIssues($owner: String!, $name: String!, $labels: [String!], $since: DateTime, $cursor: String) {
  repository(owner: $owner, name: $name) {
    issues(first: 100, after: $cursor, filterBy: { labels: $labels, since: $since }, orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes {
        number
        title
        url
        body
        state
        stateReason
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

/**
 * Reads every report issue of the window, one query per 100 issues. `onPage` hears of each page
 * (for progress on a terminal).
 */
export async function fetchReportIssues(
  octokit: GraphqlOctokit,
  options: {
    owner: string;
    repo: string;
    label: string;
    since: string;
    onPage?: (count: number) => void;
  },
): Promise<GraphqlIssueNode[]> {
  // The plugin adds `paginate` to this client's graphql function (Probot's Octokit lacks it).
  const { graphql } = paginateGraphQL(octokit as Parameters<typeof paginateGraphQL>[0]);
  const issues: GraphqlIssueNode[] = [];
  const pages = graphql.paginate.iterator<Page>(REPORT_ISSUES_QUERY, {
    owner: options.owner,
    name: options.repo,
    labels: [options.label],
    since: options.since,
  });
  for await (const page of pages) {
    issues.push(...(page.repository?.issues.nodes ?? []));
    options.onPage?.(issues.length);
  }
  return issues;
}
