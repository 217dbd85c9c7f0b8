import type { Context } from "probot";
import type { HistoryEvent, IssueHistory, LinkedPullRequest } from "../timeline/history-rows.js";
import type { IssueAddress } from "./issue-address.js";

/**
 * One GraphQL query for what `/disruption timeline sync` records: the issue's creation, its label
 * events, closes and reopens (`timelineItems`, the first 100), and the pull requests that close it
 * (`closedByPullRequestsReferences`, merged or not, the first 25).
 * https://docs.github.com/graphql/reference/objects#issue
 */
export const ISSUE_HISTORY_QUERY = `query IssueHistory($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    issue(number: $number) {
      createdAt
      author { login }
      timelineItems(first: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT]) {
        nodes {
          __typename
          ... on LabeledEvent { id createdAt actor { login } label { name } }
          ... on UnlabeledEvent { id createdAt actor { login } label { name } }
          ... on ClosedEvent { id createdAt actor { login } stateReason }
          ... on ReopenedEvent { id createdAt actor { login } }
        }
      }
      closedByPullRequestsReferences(first: 25, includeClosedPrs: true) {
        nodes { number title createdAt mergedAt author { login } }
      }
    }
  }
}`;

interface Actor {
  login: string;
}
type Node =
  | {
      __typename: "LabeledEvent" | "UnlabeledEvent";
      id: string;
      createdAt: string;
      actor: Actor | null;
      label: { name: string };
    }
  | {
      __typename: "ClosedEvent";
      id: string;
      createdAt: string;
      actor: Actor | null;
      stateReason: string | null;
    }
  | { __typename: "ReopenedEvent"; id: string; createdAt: string; actor: Actor | null };

interface Answer {
  repository: {
    issue: {
      createdAt: string;
      author: Actor | null;
      timelineItems: { nodes: (Node | null)[] };
      closedByPullRequestsReferences: {
        nodes: ({
          number: number;
          title: string;
          createdAt: string;
          mergedAt: string | null;
          author: Actor | null;
        } | null)[];
      };
    };
  };
}

/** Reads the issue's history for the timeline (one GraphQL query). */
export async function readIssueHistory(
  octokit: Context["octokit"],
  issue: IssueAddress,
): Promise<IssueHistory> {
  const answer = await octokit.graphql<Answer>(ISSUE_HISTORY_QUERY, {
    owner: issue.owner,
    repo: issue.repo,
    number: issue.issue_number,
  });
  const found = answer.repository.issue;
  const events = found.timelineItems.nodes.flatMap((node): HistoryEvent[] => {
    if (!node) return [];
    const actor = node.actor?.login ?? null;
    switch (node.__typename) {
      case "LabeledEvent":
      case "UnlabeledEvent":
        return [
          {
            kind: node.__typename === "LabeledEvent" ? "labeled" : "unlabeled",
            id: node.id,
            at: node.createdAt,
            actor,
            label: node.label.name,
          },
        ];
      case "ClosedEvent":
        return [
          { kind: "closed", id: node.id, at: node.createdAt, actor, reason: node.stateReason },
        ];
      default:
        return [{ kind: "reopened", id: node.id, at: node.createdAt, actor }];
    }
  });
  const pullRequests = found.closedByPullRequestsReferences.nodes.flatMap(
    (pr): LinkedPullRequest[] =>
      pr
        ? [
            {
              number: pr.number,
              title: pr.title,
              createdAt: pr.createdAt,
              mergedAt: pr.mergedAt,
              author: pr.author?.login ?? null,
            },
          ]
        : [],
  );
  return { createdAt: found.createdAt, author: found.author?.login ?? null, events, pullRequests };
}
