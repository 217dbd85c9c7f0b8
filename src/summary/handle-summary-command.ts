import type { Context } from "probot";
import { describeConfigProblem } from "../config/config-problem.js";
import { checkRole } from "../github/check-role.js";
import { loadConfigLogged } from "../github/load-config.js";
import { readIssue } from "../github/read-issue.js";
import { upsertMarkedComment } from "../github/upsert-marked-comment.js";
import { isReport } from "../labels/is-report.js";
import { summarizeReport } from "../templates/summarize-report.js";

/** The hidden marker of the report's one external-summary comment. */
export const SUMMARY_MARKER = "<!-- disruption-reports:external-summary -->";

/**
 * `/disruption summary` on a report: the external summary (README, "Bring your own template") as
 * one comment, edited in place when asked again and the report changed, untouched when it did
 * not. Read from the body as it is now, through the repository's template. A 👍 on the command
 * says it is done; only a refusal is a comment.
 */
export async function handleSummaryCommand(
  context: Context<"issue_comment.created">,
): Promise<void> {
  const { payload } = context;
  const login = payload.comment.user?.login ?? payload.sender.login;
  const reply = (body: string) =>
    context.octokit.rest.issues.createComment(context.issue({ body }));
  const repository = context.repo();
  const role = await checkRole(context.octokit, repository, login, "summary");
  if (!role.allowed) {
    await reply(
      `@${login} posting the external summary needs triage or write permission on this repository (your role: ${role.role}).`,
    );
    return;
  }
  const loaded = await loadConfigLogged(context.octokit, repository, context.log, "no summary");
  if (!loaded.ok) {
    await reply(`No summary was written: ${describeConfigProblem(loaded.problem)}.`);
    return;
  }
  const { config } = loaded;
  const issue = await readIssue(context.octokit, context.issue());
  if (payload.issue.pull_request || !isReport(issue.labels, config.labels)) {
    await reply(
      `\`/disruption summary\` works on disruption reports (issues labelled \`${config.labels.report}\`) only.`,
    );
    return;
  }
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
  await context.octokit.rest.reactions.createForIssueComment(
    context.repo({ comment_id: payload.comment.id, content: "+1" }),
  );
}
