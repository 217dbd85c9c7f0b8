import type { Octokit } from "@octokit/rest";
import { MAX_PAGE_SIZE } from "../limits/github-limits.js";
import { graphqlData } from "./graphql-data.js";
import type { GraphqlIssueNode } from "./graphql-issue-node.js";

/** Repositories counted per GraphQL query: as the schedule's probe, far below GitHub's node limits. */
const COUNT_BATCH = 50;

const ISSUE_FIELDS = `number title url body state stateReason(enableDuplicate: true) createdAt closedAt labels(first: 50) { nodes { name } }`;

interface Repository {
  owner: string;
  repo: string;
}

interface ReadOptions {
  repositories: readonly Repository[];
  label: string;
  since: string;
}

/** One list to read of one repository: the reports of the window, or the open ones. */
interface Stream {
  repository: Repository;
  filter: { since: string } | { states: ["OPEN"] };
  /** Issues still expected (GitHub's count), more when a page says there is a next one. */
  remaining: number;
  cursor: string | null;
}

type Connection = {
  nodes: GraphqlIssueNode[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/**
 * Reads the reports of several repositories (an organisation-wide report) with batched GraphQL,
 * no search API (no 1,000-result cap): one query per {@link COUNT_BATCH} repositories counts each
 * one's reports of the window (updated since `since`) and its open reports, then each query reads
 * the next 100 issues over as many repositories as it takes to fill them. Calls: ⌈R/50⌉ + ⌈N/100⌉
 * for N issues read (a report both updated in the window and open is read in each list once).
 * A repository GitHub cannot show is left out. The issues come a query's worth at a time (each
 * issue once), for a caller that reads each page while the next is on its way (see `readAhead`).
 */
export async function* reportPagesOfRepositories(
  octokit: Pick<Octokit, "request" | "graphql">,
  options: ReadOptions,
): AsyncGenerator<GraphqlIssueNode[]> {
  const streams = await countStreams(octokit, options);
  const seen = new Set<string>();
  for (let open = streams.filter(isLeft); open.length > 0; open = streams.filter(isLeft)) {
    const page = nextPage(open, options.label);
    const data = await graphqlData<Record<string, { issues: Connection } | null>>(
      octokit,
      page.query,
      page.variables,
    );
    const fresh: GraphqlIssueNode[] = [];
    page.streams.forEach((stream, index) => {
      const found = data[`s${index}`]?.issues;
      if (!found) {
        stream.remaining = 0;
        return;
      }
      for (const node of found.nodes) {
        if (seen.has(node.url)) continue;
        seen.add(node.url);
        fresh.push(node);
      }
      stream.cursor = found.pageInfo.endCursor;
      // GitHub's count may be stale by the time the pages come: follow hasNextPage.
      stream.remaining = found.pageInfo.hasNextPage
        ? Math.max(stream.remaining - found.nodes.length, 1)
        : 0;
    });
    yield fresh;
  }
}

function isLeft(stream: Stream): boolean {
  return stream.remaining > 0;
}

/** One query per batch of repositories: how many issues each list of each will bring. */
async function countStreams(
  octokit: Pick<Octokit, "request" | "graphql">,
  options: { repositories: readonly Repository[]; label: string; since: string },
): Promise<Stream[]> {
  const streams: Stream[] = [];
  for (let start = 0; start < options.repositories.length; start += COUNT_BATCH) {
    const batch = options.repositories.slice(start, start + COUNT_BATCH);
    const variables: Record<string, unknown> = { labels: [options.label], since: options.since };
    const declarations = ["$labels: [String!]", "$since: DateTime"];
    const fields = batch.map((repository, index) => {
      variables[`o${index}`] = repository.owner;
      variables[`n${index}`] = repository.repo;
      declarations.push(`$o${index}: String!`, `$n${index}: String!`);
      return `r${index}: repository(owner: $o${index}, name: $n${index}) {
    window: issues(first: 1, filterBy: { labels: $labels, since: $since }) { totalCount }
    open: issues(first: 1, filterBy: { labels: $labels, states: [OPEN] }) { totalCount }
  }`;
    });
    const query = `query ReportCounts(${declarations.join(", ")}) {\n  ${fields.join("\n  ")}\n}`;
    type Counts = { window: { totalCount: number }; open: { totalCount: number } } | null;
    const data = await graphqlData<Record<string, Counts>>(octokit, query, variables);
    batch.forEach((repository, index) => {
      const counts = data[`r${index}`];
      if (!counts) return;
      streams.push(
        {
          repository,
          filter: { since: options.since },
          remaining: counts.window.totalCount,
          cursor: null,
        },
        {
          repository,
          filter: { states: ["OPEN"] },
          remaining: counts.open.totalCount,
          cursor: null,
        },
      );
    });
  }
  return streams;
}

/** The next query: the lists in order, each asked for as many as fit in 100 issues. */
function nextPage(
  streams: readonly Stream[],
  label: string,
): { query: string; variables: Record<string, unknown>; streams: Stream[] } {
  const variables: Record<string, unknown> = { labels: [label] };
  const declarations = ["$labels: [String!]"];
  const fields: string[] = [];
  const taken: Stream[] = [];
  let room = MAX_PAGE_SIZE;
  for (const stream of streams) {
    if (room === 0) break;
    const first = Math.min(stream.remaining, room);
    room -= first;
    const index = taken.length;
    taken.push(stream);
    variables[`o${index}`] = stream.repository.owner;
    variables[`n${index}`] = stream.repository.repo;
    variables[`c${index}`] = stream.cursor;
    declarations.push(`$o${index}: String!`, `$n${index}: String!`, `$c${index}: String`);
    const filter = "since" in stream.filter ? "since: $since" : "states: [OPEN]";
    if ("since" in stream.filter && variables.since === undefined) {
      variables.since = stream.filter.since;
      declarations.push("$since: DateTime");
    }
    fields.push(`s${index}: repository(owner: $o${index}, name: $n${index}) {
    issues(first: ${first}, after: $c${index}, filterBy: { labels: $labels, ${filter} }, orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes { ${ISSUE_FIELDS} }
      totalCount
      pageInfo { hasNextPage endCursor }
    }
  }`);
  }
  return {
    query: `query ReportPages(${declarations.join(", ")}) {\n  ${fields.join("\n  ")}\n}`,
    variables,
    streams: taken,
  };
}
