import { nodeId } from "../representations/urls.js";
import type { LocalStore } from "../store/local-store.js";
import type { IssueEventRecord, IssueRecord, RepoRecord } from "../store/records.js";
import { type ConnectionArgs, connection } from "./connection.js";
import { typedError } from "./graphql-errors.js";

/** What the timeline's resolvers need from the rest of the root value. */
export interface TimelineTools {
  store: LocalStore;
  /** An `Actor` node for a login (null when the user is unknown, as for a deleted account). */
  actor: (login: string) => Record<string, unknown> | null;
  /** A pull request as GitHub's `PullRequest` node. */
  pullRequest: (record: IssueRecord) => Record<string, unknown>;
}

interface TimelineArgs extends ConnectionArgs {
  itemTypes?: string[] | null;
  since?: string | null;
  skip?: number | null;
}

interface ClosingArgs extends ConnectionArgs {
  includeClosedPrs?: boolean | null;
  orderByState?: boolean | null;
  userLinkedOnly?: boolean | null;
}

/** The timeline item types the local GitHub records (`IssueTimelineItemsItemType`), by event kind. */
const ITEM_TYPES: Record<IssueEventRecord["kind"], { itemType: string; typename: string }> = {
  labeled: { itemType: "LABELED_EVENT", typename: "LabeledEvent" },
  unlabeled: { itemType: "UNLABELED_EVENT", typename: "UnlabeledEvent" },
  closed: { itemType: "CLOSED_EVENT", typename: "ClosedEvent" },
  reopened: { itemType: "REOPENED_EVENT", typename: "ReopenedEvent" },
};
const MODELED = new Set(Object.values(ITEM_TYPES).map((type) => type.itemType));

/**
 * GitHub's closing keywords (https://docs.github.com/issues/tracking-your-work-with-issues/using-issues/linking-a-pull-request-to-an-issue):
 * `Fixes #12`, `closes: acme/ops#12`, any case.
 */
const CLOSING_REFERENCE =
  /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\s+(?:([\w.-]+)\/([\w.-]+))?#(\d+)\b/gi;

/**
 * An issue's `timelineItems` (the events the store records: labels added and removed, closes,
 * reopens; `itemTypes` must name only those, since the others are not modelled) and
 * `closedByPullRequestsReferences` (the pull requests of the repository whose body closes the
 * issue with a keyword; a closed, unmerged one only with `includeClosedPrs`).
 */
export function timelineFields(
  tools: TimelineTools,
  repo: RepoRecord,
  issue: IssueRecord,
): Record<string, unknown> {
  return {
    timelineItems: (args: TimelineArgs) => {
      const types = args.itemTypes ?? [];
      if (types.length === 0 || types.some((type) => !MODELED.has(type)))
        throw typedError(
          "NOT_MODELED",
          `The local GitHub models timelineItems only with itemTypes among ${[...MODELED].join(", ")}`,
        );
      if (args.skip != null)
        throw typedError("NOT_MODELED", "The local GitHub does not model timelineItems(skip:)");
      const since = args.since == null ? null : Date.parse(args.since);
      const events = issue.events.filter(
        (event) =>
          types.includes(ITEM_TYPES[event.kind].itemType) &&
          (since === null || Date.parse(event.createdAt) >= since),
      );
      return {
        ...connection(
          "timelineItems",
          events.map((event) => eventNode(tools, repo, event)),
          (node) => node.key as number,
          args,
        ),
        filteredCount: events.length,
        updatedAt: issue.updatedAt,
      };
    },
    closedByPullRequestsReferences: (args: ClosingArgs) => {
      if (args.userLinkedOnly || args.orderByState)
        throw typedError(
          "NOT_MODELED",
          "The local GitHub does not model userLinkedOnly or orderByState (only keyword links)",
        );
      const closing = tools.store
        .issues(repo)
        .filter(
          (record) =>
            record.pullRequest !== null &&
            (record.state === "open" || record.pullRequest.merged || args.includeClosedPrs) &&
            closesIssue(record.body ?? "", repo, issue.number),
        );
      return connection(
        "closedByPullRequestsReferences",
        closing.map(tools.pullRequest),
        (node) => node.number as number,
        args,
      );
    },
  };
}

/** Whether a pull request's body closes the issue with one of GitHub's keywords. */
function closesIssue(body: string, repo: RepoRecord, number: number): boolean {
  for (const match of body.matchAll(CLOSING_REFERENCE)) {
    const [, owner, name, target] = match;
    const sameRepo =
      owner === undefined ||
      `${owner}/${name}`.toLowerCase() === `${repo.owner}/${repo.name}`.toLowerCase();
    if (sameRepo && Number(target) === number) return true;
  }
  return false;
}

function eventNode(
  tools: TimelineTools,
  repo: RepoRecord,
  event: IssueEventRecord,
): Record<string, unknown> {
  const { typename } = ITEM_TYPES[event.kind];
  const base = {
    __typename: typename,
    key: event.id,
    id: nodeId(typename.replace(/[a-z]/g, ""), event.id),
    createdAt: event.createdAt,
    actor: tools.actor(event.actor),
  };
  if (event.kind === "labeled" || event.kind === "unlabeled") {
    const name = event.label ?? "";
    const label = tools.store.label(repo, name);
    return {
      ...base,
      label: {
        __typename: "Label",
        id: nodeId("LA", label?.id ?? 0),
        name: label?.name ?? name,
        color: label?.color ?? "ededed",
        description: label?.description ?? null,
      },
    };
  }
  if (event.kind === "closed") {
    // As on `Issue.stateReason`: a duplicate reads NOT_PLANNED in the public schema.
    const reason = event.stateReason === "duplicate" ? "not_planned" : event.stateReason;
    return { ...base, stateReason: reason?.toUpperCase() ?? null };
  }
  return { ...base, stateReason: "REOPENED" };
}
