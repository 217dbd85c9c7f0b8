import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import { describeConfigProblem } from "../config/config-problem.js";
import { checkRole } from "../github/check-role.js";
import { loadConfigLogged } from "../github/load-config.js";
import { isReport } from "../labels/is-report.js";
import { labelNames } from "../labels/label-name.js";
import { trackActionItems } from "./track-action-items.js";

/**
 * `/disruption track` on a report: each open action item that links no issue yet becomes an
 * issue of its own (a sub-issue of the report), and the report's items get their references.
 * Success shows in the report itself; the app comments only when nothing could be done.
 */
export async function handleTrackCommand(
  context: Context<"issue_comment.created">,
  deps: AppDeps,
): Promise<void> {
  const { payload } = context;
  const login = payload.comment.user?.login ?? payload.sender.login;
  const reply = (body: string) =>
    context.octokit.rest.issues.createComment(context.issue({ body }));
  const { owner, repo } = context.repo();
  const role = await checkRole(context.octokit, { owner, repo }, login, "track");
  if (!role.allowed) {
    await reply(
      `@${login} tracking action items as issues needs triage or write permission on this repository (your role: ${role.role}).`,
    );
    return;
  }
  const loaded = await loadConfigLogged(
    context.octokit,
    { owner, repo },
    context.log,
    "nothing tracked",
    deps.configs,
  );
  if (!loaded.ok) {
    await reply(`Nothing was tracked: ${describeConfigProblem(loaded.problem)}.`);
    return;
  }
  const { config } = loaded;
  if (payload.issue.pull_request || !isReport(labelNames(payload.issue.labels), config.labels)) {
    await reply(
      `\`/disruption track\` works on disruption reports (issues labelled \`${config.labels.report}\`) only.`,
    );
    return;
  }
  const outcome = await trackActionItems(context, {
    owner,
    repo,
    installation: payload.installation?.id,
    report: payload.issue.number,
    body: payload.issue.body ?? "",
    config,
    deps,
  });
  if (outcome.tracked.length === 0) {
    await reply(
      "Nothing to track: every open action item already links an issue (or there is none). Write items as `- [ ] @owner what (due YYYY-MM-DD)` under `## Action items`.",
    );
    return;
  }
  context.log.info(
    { issue: payload.issue.number, created: outcome.created, mode: outcome.mode },
    "action items tracked",
  );
}
