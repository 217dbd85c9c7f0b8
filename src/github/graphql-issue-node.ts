import { type AnalyticsIssue, stateReasonOf } from "../analytics/analytics-issue.js";

/** An issue node of the GraphQL API, with the fields the analytics query asks for. */
export type GraphqlIssueNode = {
  number: number;
  title: string;
  url: string;
  body: string | null;
  state: "OPEN" | "CLOSED";
  stateReason: "COMPLETED" | "NOT_PLANNED" | "DUPLICATE" | "REOPENED" | null;
  createdAt: string;
  closedAt: string | null;
  labels: { nodes: ({ name: string } | null)[] | null } | null;
};

/**
 * An issue node of the GraphQL API as an {@link AnalyticsIssue}.
 *
 * @example
 * fromGraphqlNode({ number: 3, state: "CLOSED", stateReason: "DUPLICATE", labels: { nodes: [{ name: "disruption" }] }, … })
 * // { number: 3, state: "closed", stateReason: "duplicate", labels: ["disruption"], … }
 */
export function fromGraphqlNode(node: GraphqlIssueNode): AnalyticsIssue {
  return {
    number: node.number,
    title: node.title,
    url: node.url,
    body: node.body ?? "",
    state: node.state === "OPEN" ? "open" : "closed",
    stateReason: stateReasonOf(node.stateReason),
    createdAt: node.createdAt,
    closedAt: node.closedAt,
    labels: (node.labels?.nodes ?? []).flatMap((label) => (label ? [label.name] : [])),
  };
}
