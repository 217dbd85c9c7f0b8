import type { Caller } from "../auth/authenticate.js";
import { issueHtmlUrl } from "../representations/issue-json.js";
import { nodeId, type Urls } from "../representations/urls.js";
import type { LocalStore } from "../store/local-store.js";
import type { IssueRecord, RepoRecord } from "../store/records.js";
import { type ConnectionArgs, connection } from "./connection.js";
import { typedError } from "./graphql-errors.js";
import { timelineFields } from "./issue-timeline.js";

interface IssuesArgs extends ConnectionArgs {
  labels?: string[] | null;
  states?: string[] | null;
  orderBy?: { field: string; direction: string } | null;
  filterBy?: {
    labels?: string[] | null;
    states?: string[] | null;
    since?: string | null;
    assignee?: string | null;
    createdBy?: string | null;
    mentioned?: string | null;
    milestone?: string | null;
    milestoneNumber?: string | null;
    viewerSubscribed?: boolean | null;
  } | null;
}

/** The resolvers' view of one request: the store, as far as the caller may see it. */
interface Scope {
  store: LocalStore;
  caller: Caller;
  urls: Urls;
}

function visible(scope: Scope, repo: RepoRecord): boolean {
  const { caller } = scope;
  if (caller.kind === "user") return true;
  return (
    caller.kind === "installation" &&
    scope.store.installationFor(repo)?.id === caller.installation.id
  );
}

function actorNode(scope: Scope, login: string): Record<string, unknown> | null {
  const user = scope.store.user(login);
  if (!user) return null;
  return {
    __typename:
      user.type === "Bot" ? "Bot" : user.type === "Organization" ? "Organization" : "User",
    login: user.type === "Bot" ? user.login.replace(/\[bot\]$/, "") : user.login,
    url: `${scope.urls.html}/${user.login}`,
  };
}

function issueFields(scope: Scope, repo: RepoRecord, issue: IssueRecord): Record<string, unknown> {
  return {
    id: nodeId(issue.pullRequest ? "PR" : "I", issue.id),
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    url: issueHtmlUrl(issue, repo, scope.urls),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
    closed: issue.state === "closed",
    locked: issue.locked,
    author: actorNode(scope, issue.user),
    labels: (args: ConnectionArgs) =>
      connection(
        "labels",
        issue.labels.flatMap((name) => {
          const label = scope.store.label(repo, name);
          return label
            ? [
                {
                  id: nodeId("LA", label.id),
                  name: label.name,
                  color: label.color,
                  description: label.description,
                  key: label.id,
                },
              ]
            : [];
        }),
        (label) => label.key,
        args,
      ),
  };
}

/** An issue as GitHub's `Issue`, or a pull request as `PullRequest`. */
function issueNode(scope: Scope, repo: RepoRecord, issue: IssueRecord): Record<string, unknown> {
  if (issue.pullRequest) {
    return {
      __typename: "PullRequest",
      ...issueFields(scope, repo, issue),
      state: issue.pullRequest.merged ? "MERGED" : issue.state === "open" ? "OPEN" : "CLOSED",
      merged: issue.pullRequest.merged,
      mergedAt: issue.pullRequest.mergedAt,
    };
  }
  const tools = {
    store: scope.store,
    actor: (login: string) => actorNode(scope, login),
    pullRequest: (record: IssueRecord) => issueNode(scope, repo, record),
  };
  return {
    __typename: "Issue",
    ...issueFields(scope, repo, issue),
    ...timelineFields(tools, repo, issue),
    state: issue.state === "open" ? "OPEN" : "CLOSED",
    // GitHub answers NOT_PLANNED for a duplicate unless the query asks with `enableDuplicate: true`
    // (the schema's IssueStateReason.DUPLICATE).
    stateReason: (args: { enableDuplicate?: boolean | null }) =>
      issue.stateReason === "duplicate" && !args.enableDuplicate
        ? "NOT_PLANNED"
        : (issue.stateReason?.toUpperCase() ?? null),
  };
}

/** The issues connection's filters and order, as GitHub applies them (labels match any, any case). */
function filteredIssues(scope: Scope, repo: RepoRecord, args: IssuesArgs): IssueRecord[] {
  const filter = args.filterBy ?? {};
  for (const field of [
    "assignee",
    "createdBy",
    "mentioned",
    "milestone",
    "milestoneNumber",
  ] as const)
    if (filter[field] != null)
      throw typedError("NOT_MODELED", `The local GitHub does not model filterBy.${field}`);
  if (filter.viewerSubscribed)
    throw typedError("NOT_MODELED", "The local GitHub does not model filterBy.viewerSubscribed");
  const labels = [...(args.labels ?? []), ...(filter.labels ?? [])].map((name) =>
    name.toLowerCase(),
  );
  const states = [...(args.states ?? []), ...(filter.states ?? [])];
  const since = filter.since == null ? null : Date.parse(filter.since);
  const field = args.orderBy?.field ?? "CREATED_AT";
  const direction = args.orderBy?.direction ?? "ASC";
  const key = (issue: IssueRecord): number =>
    field === "COMMENTS"
      ? [...repo.comments.values()].filter((comment) => comment.issueNumber === issue.number).length
      : Date.parse(field === "UPDATED_AT" ? issue.updatedAt : issue.createdAt);
  const found = scope.store
    .issues(repo)
    .filter((issue) => issue.pullRequest === null)
    .filter(
      (issue) =>
        labels.length === 0 || issue.labels.some((name) => labels.includes(name.toLowerCase())),
    )
    .filter((issue) => states.length === 0 || states.includes(issue.state.toUpperCase()))
    .filter((issue) => since === null || Date.parse(issue.updatedAt) >= since);
  // Each issue's key once, not once per comparison: a page of a repository of 10,000 issues sorts
  // them all.
  const keys = new Map(found.map((issue) => [issue, key(issue)]));
  return found.sort((a, b) => {
    const order = (keys.get(a) ?? 0) - (keys.get(b) ?? 0) || a.number - b.number;
    return direction === "DESC" ? -order : order;
  });
}

function repositoryNode(scope: Scope, repo: RepoRecord): Record<string, unknown> {
  const find = (number: number): IssueRecord | undefined => {
    const issue = repo.issues.get(number);
    return issue && !issue.deleted ? issue : undefined;
  };
  return {
    __typename: "Repository",
    id: nodeId("R", repo.id),
    name: repo.name,
    nameWithOwner: `${repo.owner}/${repo.name}`,
    url: `${scope.urls.html}/${repo.owner}/${repo.name}`,
    isPrivate: repo.private,
    issues: (args: IssuesArgs) =>
      connection(
        "issues",
        filteredIssues(scope, repo, args),
        (issue) => issue.number,
        args,
        (issue) => issueNode(scope, repo, issue),
      ),
    // `object(expression: "HEAD:path")`: a file of the default branch as a Blob (only blobs are modelled).
    object: ({ expression }: { expression?: string | null }) => {
      const match = /^HEAD:(.+)$/.exec(expression ?? "");
      if (!match) throw typedError("NOT_MODELED", "The local GitHub models only HEAD:<path>");
      const text = scope.store.file(repo, match[1] as string);
      if (text === undefined) return null;
      return {
        __typename: "Blob",
        text,
        byteSize: Buffer.byteLength(text),
        isBinary: false,
        isTruncated: false,
      };
    },
    label: ({ name }: { name: string }) => {
      const label = scope.store.label(repo, name);
      if (!label) return null;
      return {
        __typename: "Label",
        id: nodeId("LA", label.id),
        name: label.name,
        color: label.color,
        description: label.description,
        issues: (args: IssuesArgs) =>
          connection(
            "issues",
            filteredIssues(scope, repo, { ...args, labels: [label.name] }),
            (issue) => issue.number,
            args,
            (issue) => issueNode(scope, repo, issue),
          ),
      };
    },
    issue: ({ number }: { number: number }) => {
      const issue = find(number);
      if (!issue || issue.pullRequest)
        throw typedError(
          "NOT_FOUND",
          `Could not resolve to an Issue with the number of ${number}.`,
        );
      return issueNode(scope, repo, issue);
    },
    pullRequest: ({ number }: { number: number }) => {
      const issue = find(number);
      if (!issue?.pullRequest)
        throw typedError(
          "NOT_FOUND",
          `Could not resolve to a PullRequest with the number of ${number}.`,
        );
      return issueNode(scope, repo, issue);
    },
    issueOrPullRequest: ({ number }: { number: number }) => {
      const issue = find(number);
      if (!issue)
        throw typedError(
          "NOT_FOUND",
          `Could not resolve to an issue or pull request with the number of ${number}.`,
        );
      return issueNode(scope, repo, issue);
    },
  };
}

/**
 * The root of a query: `repository(owner, name)` with its issues (filters, order, cursor
 * pagination), `issue` (with its `timelineItems` and `closedByPullRequestsReferences`),
 * `pullRequest` and `issueOrPullRequest`. What the caller cannot see is
 * null with a NOT_FOUND error beside the data, as on GitHub.
 */
export function rootValue(scope: Scope): Record<string, unknown> {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = scope.store.findRepo(`${owner}/${name}`);
      if (!repo || !visible(scope, repo))
        throw typedError(
          "NOT_FOUND",
          `Could not resolve to a Repository with the name '${owner}/${name}'.`,
        );
      return repositoryNode(scope, repo);
    },
  };
}
