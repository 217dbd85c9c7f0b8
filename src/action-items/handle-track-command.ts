import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import { reactToComment } from "../commands/react.js";
import { describeConfigProblem } from "../config/config-problem.js";
import { checkRole } from "../github/check-role.js";
import { loadConfigLogged } from "../github/load-config.js";
import { isReport } from "../labels/is-report.js";
import { labelNames } from "../labels/label-name.js";
import { trackActionItems } from "./track-action-items.js";

type CommentContext = Context<"issue_comment.created">;

/**
 * `/disruption track` on a report: each open action item that links no issue yet becomes an
 * issue of its own (a sub-issue of the report), and the report's items get their references.
 * Answered like the other commands (README, "During a disruption"): 👀 when taken, 👍 when done
 * (also when every item already links an issue: a second track creates nothing and says nothing),
 * 😕 and one reply that says why when refused.
 */
export async function handleTrackCommand(context: CommentContext, deps: AppDeps): Promise<void> {
  await reactToComment(context, "eyes");
  const refusal = await track(context, deps);
  if (refusal === null) {
    await reactToComment(context, "+1");
    return;
  }
  await reactToComment(context, "confused");
  await context.octokit.rest.issues.createComment(context.issue({ body: refusal }));
}

/** Tracks the report's open unlinked items; the reason it cannot, or null when done. */
async function track(context: CommentContext, deps: AppDeps): Promise<string | null> {
  const { payload } = context;
  const login = payload.comment.user?.login ?? payload.sender.login;
  const { owner, repo } = context.repo();
  const role = await checkRole(context.octokit, { owner, repo }, login, "track");
  if (!role.allowed)
    return `@${login} tracking action items as issues needs triage or write permission on this repository (your role: ${role.role}).`;
  const loaded = await loadConfigLogged(
    context.octokit,
    { owner, repo },
    context.log,
    "nothing tracked",
    deps.configs,
  );
  if (!loaded.ok) return `Nothing was tracked: ${describeConfigProblem(loaded.problem)}.`;
  const { config } = loaded;
  if (payload.issue.pull_request || !isReport(labelNames(payload.issue.labels), config.labels))
    return `\`/disruption track\` works on disruption reports (issues labelled \`${config.labels.report}\`) only.`;
  const outcome = await trackActionItems(context, {
    owner,
    repo,
    installation: payload.installation?.id,
    report: payload.issue.number,
    body: payload.issue.body ?? "",
    config,
    deps,
  });
  context.log.info(
    { issue: payload.issue.number, created: outcome.created, mode: outcome.mode },
    outcome.tracked.length === 0 ? "nothing to track" : "action items tracked",
  );
  return null;
}
