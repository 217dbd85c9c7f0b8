import { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { hasLabelPrefix } from "../labels/label-name.js";
import type { NewTimelineRow } from "./timeline-row.js";

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
  // To the minute, as the rows people and commands write (GitHub's times carry seconds).
  const at = (iso: string) => DateTime.fromISO(iso, { zone }).startOf("minute");
  const party = (login: string | null) => (login ? login.replace(/\[bot\]$/, "") : "GitHub");
  const rows: NewTimelineRow[] = [
    {
      time: at(history.createdAt),
      party: party(history.author),
      event: "Issue opened",
      effect: "neutral",
      marker: "sync=opened",
    },
  ];
  const severityPrefix = config.labels.severityPrefix;
  for (const event of history.events) {
    const marker = `sync=${event.id}`;
    if (event.kind === "labeled" || event.kind === "unlabeled") {
      if (!hasLabelPrefix(event.label, severityPrefix)) continue;
      const severity = event.label.slice(severityPrefix.length).toUpperCase();
      rows.push({
        time: at(event.at),
        party: party(event.actor),
        event: event.kind === "labeled" ? `Severity ${severity}` : `Severity ${severity} removed`,
        effect: "neutral",
        marker,
      });
    } else if (event.kind === "closed") {
      const reason = event.reason ? ` (${event.reason.toLowerCase().replace(/_/g, " ")})` : "";
      rows.push({
        time: at(event.at),
        party: party(event.actor),
        event: `Closed${reason}`,
        effect: "neutral",
        marker,
      });
    } else {
      rows.push({
        time: at(event.at),
        party: party(event.actor),
        event: "Reopened",
        effect: "neutral",
        marker,
      });
    }
  }
  for (const pr of history.pullRequests) {
    const title = `#${pr.number}`;
    rows.push({
      time: at(pr.createdAt),
      party: party(pr.author),
      event: `Pull request ${title} opened`,
      effect: "neutral",
      marker: `sync=pr${pr.number}-opened`,
    });
    if (pr.mergedAt) {
      rows.push({
        time: at(pr.mergedAt),
        party: party(pr.author),
        event: `Pull request ${title} merged`,
        effect: "positive",
        marker: `sync=pr${pr.number}-merged`,
      });
    }
  }
  return rows;
}
