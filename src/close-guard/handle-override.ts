import type { Context } from "probot";
import { replyMarker } from "../commands/reply-marker.js";
import { checkRole } from "../github/check-role.js";
import { loadConfigLogged } from "../github/load-config.js";
import { readIssue } from "../github/read-issue.js";
import { syncClosedTimeline } from "../github/sync-closed-timeline.js";
import { upsertMarkedComment } from "../github/upsert-marked-comment.js";
import { isReport } from "../labels/is-report.js";
import { labelNames } from "../labels/label-name.js";
import { codeSpan } from "../markdown/neutralise.js";
import { BLOCKED_COMMENT_MARKER, renderOverrideComment } from "./render-blocked-comment.js";

type CommentContext = Context<"issue_comment.created">;

/**
 * `/disruption close <reason>`: a maintainer or admin closes the report and the close stands. The
 * permission is read from GitHub, never from the comment. Whatever order GitHub delivers the
 * close and the command in ("Close with comment", or a comment right after a close the guard
 * undid), the report ends closed with one close-guard comment: the close is made first (the app's
 * own close causes nothing when it comes back), then that comment is written in place of a
 * "Reopened" one. A redelivery finds both done and writes nothing. Replies carry a marker per
 * command comment, so none is posted twice. Then the timeline gets the issue's history, as on any
 * close that stands (README, "During a disruption").
 */
export async function handleCloseOverride(context: CommentContext, reason: string): Promise<void> {
  const { payload } = context;
  const loaded = await loadConfigLogged(
    context.octokit,
    context.repo(),
    context.log,
    "close command ignored",
  );
  if (!loaded.ok) return;
  const marker = replyMarker(payload.comment.id);
  const reply = (text: string) =>
    upsertMarkedComment(context.octokit, context.issue(), marker, `${marker}\n${text}`, {
      keepExisting: true,
    });
  if (!isReport(labelNames(payload.issue.labels), loaded.config.labels)) {
    await reply(
      `\`/disruption close\` works on disruption reports (issues labelled ${codeSpan(loaded.config.labels.report)}) only.`,
    );
    return;
  }
  const login = payload.comment.user?.login ?? payload.sender.login;
  const { allowed, role } = await checkRole(context.octokit, context.repo(), login, "override");
  if (!allowed) {
    await reply(
      `@${login} only people with the maintain or admin role on this repository can close a report with open follow-up (your role: ${role}). Finish or strike through the open items, or ask a maintainer.`,
    );
    return;
  }
  const current = await readIssue(context.octokit, context.issue());
  if (current.state !== "closed") {
    await context.octokit.rest.issues.update(
      context.issue({ state: "closed", state_reason: "completed" }),
    );
  }
  const comment = renderOverrideComment(login, reason);
  await upsertMarkedComment(context.octokit, context.issue(), BLOCKED_COMMENT_MARKER, comment);
  // The app's own close causes nothing when it comes back: the timeline is synced here.
  await syncClosedTimeline(context.octokit, context.issue(), loaded.config, null);
}
