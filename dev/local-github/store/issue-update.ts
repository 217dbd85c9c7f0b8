import { checkBody, checkTitle } from "./github-limits.js";
import type { IssueWrite } from "./local-store.js";
import type { IssueRecord, LabelRecord, RepoRecord, UserRecord } from "./records.js";
import { labelNamesOf } from "./repo-labels.js";
import type { StoreChange } from "./store-change.js";
import { validationFailed } from "./store-error.js";

const STATE_REASONS = new Set(["completed", "not_planned", "duplicate", "reopened"]);

/** A checked `PATCH /repos/{owner}/{repo}/issues/{issue_number}`: only the fields it sets. */
export interface IssueUpdate {
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  stateReason?: IssueRecord["stateReason"];
  labels?: string[];
  assignees?: string[];
}

/** Checks an issue write as GitHub does (422 for a bad field) before anything is changed. */
export function readIssueUpdate(repo: RepoRecord, input: IssueWrite): IssueUpdate {
  const update: IssueUpdate = {};
  if (input.title !== undefined) update.title = checkTitle(input.title);
  if (input.body !== undefined) update.body = checkBody("Issue", input.body);
  if (input.state !== undefined) {
    if (input.state !== "open" && input.state !== "closed")
      throw validationFailed({ resource: "Issue", field: "state", code: "invalid" });
    update.state = input.state;
  }
  if (input.state_reason !== undefined) {
    if (input.state_reason !== null && !STATE_REASONS.has(String(input.state_reason)))
      throw validationFailed({ resource: "Issue", field: "state_reason", code: "invalid" });
    update.stateReason = input.state_reason as IssueRecord["stateReason"];
  }
  if (input.labels !== undefined) update.labels = labelNamesOf(repo, input.labels);
  if (input.assignees !== undefined) {
    const { assignees } = input;
    if (!Array.isArray(assignees) || assignees.some((login) => typeof login !== "string"))
      throw validationFailed({ resource: "Issue", field: "assignees", code: "invalid" });
    update.assignees = assignees as string[];
  }
  return update;
}

/** What applying an update needs from the store. */
export interface UpdateTools {
  actor: UserRecord;
  /** The time of the update (GitHub's form). */
  at: string;
  /** The repository's label of a name, created grey when missing. */
  label: (name: string) => LabelRecord;
  /** The login of a user, created when unknown. */
  user: (login: string) => string;
}

/**
 * Applies a checked update as GitHub does and returns what changed, in the order GitHub's webhooks
 * tell it: `edited` (title, body; only when they differ), `unlabeled`/`labeled` (the set is
 * replaced), then `closed` (reason `completed` unless given) or `reopened` (reason `reopened`).
 * A write that changes nothing reports nothing and keeps `updated_at`.
 */
export function applyIssueUpdate(
  repo: RepoRecord,
  record: IssueRecord,
  update: IssueUpdate,
  tools: UpdateTools,
): StoreChange[] {
  const { actor, at } = tools;
  const base = { repo, issue: record, actor };
  const changes: StoreChange[] = [];

  const edits: { title?: { from: string }; body?: { from: string } } = {};
  if (update.title !== undefined && update.title !== record.title) {
    edits.title = { from: record.title };
    record.title = update.title;
  }
  if (update.body !== undefined && update.body !== record.body) {
    edits.body = { from: record.body ?? "" };
    record.body = update.body;
  }
  if (edits.title || edits.body) changes.push({ kind: "issue-edited", ...base, changes: edits });

  if (update.labels !== undefined) {
    const names = update.labels;
    const before = new Set(record.labels.map((name) => name.toLowerCase()));
    const after = new Set(names.map((name) => name.toLowerCase()));
    const removed = record.labels.filter((name) => !after.has(name.toLowerCase()));
    const added = names.filter((name) => !before.has(name.toLowerCase()));
    record.labels = names.map((name) => tools.label(name).name);
    for (const name of removed)
      changes.push({ kind: "issue-unlabeled", ...base, label: tools.label(name) });
    for (const name of added)
      changes.push({ kind: "issue-labeled", ...base, label: tools.label(name) });
  }

  let assigned = false;
  if (update.assignees !== undefined) {
    record.assignees = update.assignees.map(tools.user);
    assigned = true;
  }

  const reason = update.stateReason;
  if (update.state === "closed" && record.state === "open") {
    record.state = "closed";
    record.stateReason = reason && reason !== "reopened" ? reason : "completed";
    record.closedAt = at;
    record.closedBy = actor.login;
    changes.push({ kind: "issue-closed", ...base });
  } else if (update.state === "open" && record.state === "closed") {
    record.state = "open";
    record.stateReason = "reopened";
    record.closedAt = null;
    record.closedBy = null;
    changes.push({ kind: "issue-reopened", ...base });
  } else if (reason && record.state === "closed" && reason !== "reopened") {
    record.stateReason = reason;
  }

  if (changes.length > 0 || assigned) record.updatedAt = at;
  return changes;
}
