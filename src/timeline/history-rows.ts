import { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { hasLabelPrefix } from "../labels/label-name.js";
import type { Effect, NewTimelineRow } from "./timeline-row.js";

/** What `/disruption timeline sync` reads of an issue's history (see `readIssueHistory`). */
export interface IssueHistory {
  createdAt: string;
  author: string | null;
  events: HistoryEvent[];
  pullRequests: LinkedPullRequest[];
}

export type HistoryEvent =
  | { kind: "labeled" | "unlabeled"; id: string; at: string; actor: string | null; label: string }
  | { kind: "closed"; id: string; at: string; actor: string | null; reason: string | null }
  | { kind: "reopened"; id: string; at: string; actor: string | null };

export interface LinkedPullRequest {
  number: number;
  title: string;
  createdAt: string;
  mergedAt: string | null;
  author: string | null;
}

/**
 * The timeline rows an issue's own history gives: opened, severity changes (from the severity
 * label events), closes and reopens, and the linked pull requests opened and merged. Each row's
 * marker names its event (`sync=opened`, `sync=<event id>`, `sync=pr12-merged`), so a sync adds
 * each once and never a row that is already in the body, whoever edited it since.
 */
export function historyRows(history: IssueHistory, config: Config): NewTimelineRow[] {
  const zone = config.timeZone;
  const row: RowOf = (at, login, event, marker, effect = "neutral") => ({
    // To the minute, as the rows people and commands write (GitHub's times carry seconds).
    time: DateTime.fromISO(at, { zone }).startOf("minute"),
    party: login ? login.replace(/\[bot\]$/, "") : "GitHub",
    event,
    effect,
    marker,
  });
  return [
    row(history.createdAt, history.author, "Issue opened", "sync=opened"),
    ...history.events.flatMap((event) => eventRows(event, row, config)),
    ...history.pullRequests.flatMap((pr) => pullRequestRows(pr, row)),
  ];
}

/** A row at an ISO time by a login (GitHub's own when null), its party without `[bot]`. */
type RowOf = (
  at: string,
  login: string | null,
  event: string,
  marker: string,
  effect?: Effect,
) => NewTimelineRow;

/** The rows of one event of the history: one function a kind of event. */
function eventRows(event: HistoryEvent, row: RowOf, config: Config): NewTimelineRow[] {
  switch (event.kind) {
    case "labeled":
    case "unlabeled":
      return severityRows(event, row, config);
    case "closed":
      return [row(event.at, event.actor, closedEvent(event.reason), `sync=${event.id}`)];
    case "reopened":
      return [row(event.at, event.actor, "Reopened", `sync=${event.id}`)];
  }
}

/** A severity label added or removed (other labels give no row): `Severity SEV2 [removed]`. */
function severityRows(
  event: Extract<HistoryEvent, { kind: "labeled" | "unlabeled" }>,
  row: RowOf,
  config: Config,
): NewTimelineRow[] {
  const prefix = config.labels.severityPrefix;
  if (!hasLabelPrefix(event.label, prefix)) return [];
  const severity = event.label.slice(prefix.length).toUpperCase();
  const text = event.kind === "labeled" ? `Severity ${severity}` : `Severity ${severity} removed`;
  return [row(event.at, event.actor, text, `sync=${event.id}`)];
}

/** `Closed (not planned)` from GitHub's `NOT_PLANNED`; `Closed` without a reason. */
function closedEvent(reason: string | null): string {
  return reason ? `Closed (${reason.toLowerCase().replace(/_/g, " ")})` : "Closed";
}

/** A linked pull request: opened, and merged when it was (merging helps recovery). */
function pullRequestRows(pr: LinkedPullRequest, row: RowOf): NewTimelineRow[] {
  const opened = row(
    pr.createdAt,
    pr.author,
    `Pull request #${pr.number} opened`,
    `sync=pr${pr.number}-opened`,
  );
  if (!pr.mergedAt) return [opened];
  const merged = `Pull request #${pr.number} merged`;
  return [opened, row(pr.mergedAt, pr.author, merged, `sync=pr${pr.number}-merged`, "positive")];
}
