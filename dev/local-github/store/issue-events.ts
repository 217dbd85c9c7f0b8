import type { IssueEventRecord } from "./records.js";
import type { StoreChange } from "./store-change.js";

const EVENT_KINDS: Partial<Record<StoreChange["kind"], IssueEventRecord["kind"]>> = {
  "issue-labeled": "labeled",
  "issue-unlabeled": "unlabeled",
  "issue-closed": "closed",
  "issue-reopened": "reopened",
};

/**
 * Adds to each changed issue the timeline events its changes make, as GitHub records them beside
 * the webhooks: a label added or removed, a close (with its reason) and a reopen. An opened issue's
 * creation is its `createdAt`, not an event; an edit makes none that the app reads.
 */
export function recordIssueEvents(
  changes: readonly StoreChange[],
  at: string,
  nextId: () => number,
): void {
  for (const change of changes) {
    const kind = EVENT_KINDS[change.kind];
    if (!kind) continue;
    change.issue.events.push({
      id: nextId(),
      kind,
      actor: change.actor.login,
      createdAt: at,
      label: "label" in change ? change.label.name : null,
      stateReason: kind === "closed" ? change.issue.stateReason : null,
    });
  }
}
