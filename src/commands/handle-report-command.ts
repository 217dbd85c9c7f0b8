import { DateTime } from "luxon";
import type { Context } from "probot";
import { monthlyReportTitle } from "../analytics/render-monthly-report.js";
import { previousMonth } from "../analytics/schedule.js";
import { publishMonthlyReport } from "../github/publish-monthly-report.js";
import { readConfig } from "../github/read-config.js";

/** Roles that may publish the analytics on demand. */
const PUBLISH_ROLES = new Set(["admin", "maintain", "write"]);

/**
 * `/disruption report [YYYY-MM]`: someone with write permission publishes (or refreshes) a
 * month's analytics issue; without a month, the previous one in the configured zone.
 */
export async function handleReportCommand(
  context: Context<"issue_comment.created">,
  month: string | null,
  clock: () => DateTime = () => DateTime.now(),
): Promise<void> {
  const login = context.payload.comment.user?.login ?? context.payload.sender.login;
  const { data } = await context.octokit.rest.repos.getCollaboratorPermissionLevel(
    context.repo({ username: login }),
  );
  if (!PUBLISH_ROLES.has(data.role_name)) {
    await context.octokit.rest.issues.createComment(
      context.issue({
        body: `@${login} publishing the disruption analytics needs write permission on this repository (your role: ${data.role_name}).`,
      }),
    );
    return;
  }
  const { owner, repo } = context.repo();
  const loaded = await readConfig(context.octokit, owner, repo);
  if (!loaded.ok) {
    await context.octokit.rest.issues.createComment(
      context.issue({
        body: `The analytics were not published: \`${loaded.source}\` is not valid (${loaded.issues.map((i) => `${i.key || "the file"} ${i.message}`).join("; ")}).`,
      }),
    );
    return;
  }
  const now = clock();
  const target = month ?? previousMonth(now, loaded.config.timeZone);
  const outcome = await publishMonthlyReport(context.octokit, {
    owner,
    repo,
    month: target,
    config: loaded.config,
    now,
  });
  const verb = { created: "Published", updated: "Updated", unchanged: "Already up to date:" }[
    outcome.action
  ];
  await context.octokit.rest.issues.createComment(
    context.issue({
      body: `${verb} [${monthlyReportTitle(target)}](${outcome.url}) (#${outcome.number}).`,
    }),
  );
}
