import type { Context } from "probot";
import { type AppDeps, isOwnEvent } from "../app-deps.js";
import { loadConfigLogged } from "../github/load-config.js";
import { readIssue } from "../github/read-issue.js";
import { isReport } from "../labels/is-report.js";
import { followTrackedIssue, trackedChange } from "./sync-item-state.js";
import { readTrackedMarker } from "./tracked-marker.js";

/**
 * issues.closed / issues.reopened on an issue the app made for an action item (found by its
 * hidden marker): the report's item follows it. Closed as completed checks the item, reopened
 * unchecks it, closed as not planned strikes it through with "not planned" (it then no longer
 * counts); a duplicate leaves the item alone. One read of the report and at most one write (the
 * "Action items" row follows in the same write). Any other issue costs no API call.
 */
export async function handleTrackedIssueState(
  context: Context<"issues.closed" | "issues.reopened">,
  deps: AppDeps,
): Promise<void> {
  const { payload } = context;
  const marker = readTrackedMarker(payload.issue.body);
  if (!marker || payload.issue.pull_request) return;
  const change = trackedChange(payload.action, payload.issue.state_reason ?? null);
  if (change === null) return;
  if (await isOwnEvent(payload.sender, deps)) return;

  const { owner, repo } = context.repo();
  const loaded = await loadConfigLogged(
    context.octokit,
    { owner, repo },
    context.log,
    "action item not synced",
    deps.configs,
  );
  if (!loaded.ok) return;
  // The report as it is now, not as anyone last saw it: the write changes one item of it.
  const report = { owner, repo, issue_number: marker.report };
  const current = await readIssue(context.octokit, report);
  if (!isReport(current.labels, loaded.config.labels)) return;
  const tracked = { owner, name: repo, number: payload.issue.number };
  const body = followTrackedIssue(current.body, tracked, change, loaded.config);
  if (body === null) return;
  await context.octokit.rest.issues.update({ ...report, body });
  context.log.info(
    { report: marker.report, issue: payload.issue.number, change },
    "action item follows its issue",
  );
}
