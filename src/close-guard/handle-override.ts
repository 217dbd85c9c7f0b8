import type { Context } from "probot";
import { checkRole } from "../github/check-role.js";
import { loadConfigLogged } from "../github/load-config.js";
import { isReport } from "../labels/is-report.js";
import { labelNames } from "../labels/label-name.js";

type CommentContext = Context<"issue_comment.created">;

/**
 * `/disruption close <reason>`: a maintainer or admin closes the report and the close stands
 * (the app's own close causes nothing when it comes back). The permission is read from GitHub,
 * never from the comment. On an issue that is not a report the command is answered, not obeyed.
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
  if (!isReport(labelNames(payload.issue.labels), loaded.config.labels)) {
    const body = `\`/disruption close\` works on disruption reports (issues labelled \`${loaded.config.labels.report}\`) only.`;
    await context.octokit.rest.issues.createComment(context.issue({ body }));
    return;
  }
  const login = payload.comment.user?.login ?? payload.sender.login;
  const { allowed, role } = await checkRole(context.octokit, context.repo(), login, "override");
  if (!allowed) {
    const body = `@${login} only people with the maintain or admin role on this repository can close a report with open follow-up (your role: ${role}). Finish or strike through the open items, or ask a maintainer.`;
    await context.octokit.rest.issues.createComment(context.issue({ body }));
    return;
  }
  await context.octokit.rest.issues.createComment(
    context.issue({
      body: `Closed by @${login} with the close guard overridden.\n\n> ${reason.replace(/\n/g, "\n> ")}`,
    }),
  );
  if (payload.issue.state === "closed") return;
  await context.octokit.rest.issues.update(
    context.issue({ state: "closed", state_reason: "completed" }),
  );
}
