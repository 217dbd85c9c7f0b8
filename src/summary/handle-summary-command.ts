import type { Context } from "probot";
import { reactToComment } from "../commands/react.js";
import { checkRole } from "../github/check-role.js";
import { loadConfigLogged } from "../github/load-config.js";
import { readIssue } from "../github/read-issue.js";
import { upsertMarkedComment } from "../github/upsert-marked-comment.js";
import { isReport } from "../labels/is-report.js";
import { summarizeReport } from "../templates/summarize-report.js";
import { renderSummaryRefusal, type SummaryRefusal } from "./render-summary-refusal.js";

type CommentContext = Context<"issue_comment.created">;

/** The hidden marker of the report's one external-summary comment. */
export const SUMMARY_MARKER = "<!-- disruption-reports:external-summary -->";

/**
 * `/disruption summary` on a report: the external summary (README, "Bring your own template") as
 * one comment, edited in place when asked again and the report changed, untouched when it did
 * not. Read from the body as it is now, through the repository's template. A 👍 on the command
 * says it is done; only a refusal is a comment.
 */
export async function handleSummaryCommand(context: CommentContext): Promise<void> {
  const { payload } = context;
  const login = payload.comment.user?.login ?? payload.sender.login;
  const role = await checkRole(context.octokit, context.repo(), login, "summary");
  if (!role.allowed) return refuse(context, { kind: "role", login, role: role.role });
  const loaded = await loadConfigLogged(context.octokit, context.repo(), context.log, "no summary");
  if (!loaded.ok) return refuse(context, { kind: "config", problem: loaded.problem });
  const { config } = loaded;
  const issue = await readIssue(context.octokit, context.issue());
  if (payload.issue.pull_request || !isReport(issue.labels, config.labels))
    return refuse(context, { kind: "not-a-report", reportLabel: config.labels.report });
  const summary = summarizeReport(issue.body, config, {
    title: payload.issue.title,
    createdAt: payload.issue.created_at,
    closedAt: issue.closedAt,
  });
  await upsertMarkedComment(
    context.octokit,
    context.issue(),
    SUMMARY_MARKER,
    `${SUMMARY_MARKER}\n${summary}`,
  );
  await reactToComment(context, "+1");
}

async function refuse(context: CommentContext, refusal: SummaryRefusal): Promise<void> {
  await context.octokit.rest.issues.createComment(
    context.issue({ body: renderSummaryRefusal(refusal) }),
  );
}
