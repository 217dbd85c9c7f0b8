import type { Context } from "probot";
import type { Config } from "../config/config.js";
import { historyRows } from "../timeline/history-rows.js";
import { syncTimeline } from "../timeline/sync-timeline.js";
import type { IssueAddress } from "./issue-address.js";
import { readIssue } from "./read-issue.js";
import { readIssueHistory } from "./read-issue-history.js";

/**
 * The timeline sync a report gets once when it closes (README, "During a disruption"): the issue
 * as it is now (a close the guard undid, or one undone since, is no close to record), then its
 * history, then one PATCH only when rows are missing. Safe to repeat: rows are known by marker.
 *
 * @param closedAt the close being recorded (`closed_at` of the event), or null for any close
 */
export async function syncClosedTimeline(
  octokit: Context["octokit"],
  ref: IssueAddress,
  config: Config,
  closedAt: string | null,
): Promise<"written" | "unchanged" | "not closed"> {
  const current = await readIssue(octokit, ref);
  if (current.state !== "closed" || (closedAt !== null && current.closedAt !== closedAt))
    return "not closed";
  const history = await readIssueHistory(octokit, ref);
  const body = syncTimeline(current.body, historyRows(history, config), config);
  if (body === null) return "unchanged";
  await octokit.rest.issues.update({ ...ref, body });
  return "written";
}
