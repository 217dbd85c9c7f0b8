import { readTrackedMarker } from "../action-items/tracked-marker.js";
import type { Config } from "../config/config.js";
import type { CurrentIssue } from "../github/read-issue.js";
import { isReport } from "../labels/is-report.js";
import { labelNames } from "../labels/label-name.js";

/** What the close guard reads of the `issues.closed` payload's issue. */
export interface ClosedIssue {
  body?: string | null;
  labels?: readonly { name: string }[];
  state_reason?: string | null;
  closed_at?: string | null;
}

/**
 * Whether a closed issue may be a report at all, before any API call: it has a label, and it is
 * not an action item's own issue (whose close is the sync's, `src/action-items/`).
 */
export function mayBeReport(issue: ClosedIssue): boolean {
  if (issue.labels === undefined || issue.labels.length === 0) return false;
  return readTrackedMarker(issue.body) === null;
}

/** The issue as the close event shows it: what the guard judges first, without a read. */
export function closeSnapshot(issue: ClosedIssue): CurrentIssue {
  return {
    body: issue.body ?? "",
    labels: labelNames(issue.labels),
    state: "closed",
    stateReason: issue.state_reason ?? null,
    closedAt: issue.closed_at ?? null,
  };
}

/**
 * Whether the issue as read now is still the report closed by this close: not reopened (by anyone,
 * the guard included, in between), not closed again since, still labelled a report. Only then may
 * the guard write.
 */
export function stillThisClose(
  current: CurrentIssue,
  snapshot: CurrentIssue,
  config: Config,
): boolean {
  return (
    current.state === "closed" &&
    current.closedAt === snapshot.closedAt &&
    isReport(current.labels, config.labels)
  );
}

/** Whether the issue as read now holds what the snapshot was judged on (so the judgement stands). */
export function judgedAsIs(current: CurrentIssue, snapshot: CurrentIssue): boolean {
  return current.body === snapshot.body && current.stateReason === snapshot.stateReason;
}
