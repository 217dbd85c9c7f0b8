/**
 * An issue as the analytics read it, whatever the source (REST, `gh issue list --json`, GraphQL).
 * `stateReason` is lower case: `completed`, `not_planned`, `duplicate`, `reopened`, or null.
 */
export type AnalyticsIssue = {
  number: number;
  title: string;
  url: string;
  body: string;
  state: "open" | "closed";
  stateReason: string | null;
  createdAt: string;
  closedAt: string | null;
  labels: string[];
};

/**
 * An issue's state reason as the analytics read it, lower case, or null: gh prints `""` for an open
 * issue's reason, GraphQL upper case, REST lower case.
 *
 * @example stateReasonOf("DUPLICATE") // "duplicate"
 */
export function stateReasonOf(reason: string | null | undefined): string | null {
  return reason ? reason.toLowerCase() : null;
}
