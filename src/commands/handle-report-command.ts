import { DateTime } from "luxon";
import type { Context } from "probot";
import { monthlyReportTitle } from "../analytics/render-monthly-report.js";
import { previousMonth } from "../analytics/schedule.js";
import { describeConfigProblem } from "../config/config-problem.js";
import { checkRole } from "../github/check-role.js";
import { loadConfigLogged } from "../github/load-config.js";
import { publishMonthlyReport } from "../github/publish-monthly-report.js";
import { upsertMarkedComment } from "../github/upsert-marked-comment.js";
import { replyMarker } from "./reply-marker.js";

const VERBS = { created: "Published", updated: "Updated", unchanged: "Already up to date:" };

/**
 * `/disruption report [PERIOD]`: someone with write permission publishes (or refreshes) the
 * analytics issue of a month, quarter or year; without one, the previous month in the configured
 * zone.
 */
export async function handleReportCommand(
  context: Context<"issue_comment.created">,
  month: string | null,
  clock: () => DateTime = () => DateTime.now(),
): Promise<void> {
  // One reply per command comment, found by its marker: a redelivery or a retry posts no second one.
  const marker = replyMarker(context.payload.comment.id);
  const reply = (text: string) =>
    upsertMarkedComment(context.octokit, context.issue(), marker, `${marker}\n${text}`, {
      keepExisting: true,
    });
  const login = context.payload.comment.user?.login ?? context.payload.sender.login;
  const { allowed, role } = await checkRole(context.octokit, context.repo(), login, "publish");
  if (!allowed) {
    await reply(
      `@${login} publishing the disruption analytics needs write permission on this repository (your role: ${role}).`,
    );
    return;
  }
  const loaded = await loadConfigLogged(
    context.octokit,
    context.repo(),
    context.log,
    "analytics not published",
  );
  if (!loaded.ok) {
    await reply(`The analytics were not published: ${describeConfigProblem(loaded.problem)}.`);
    return;
  }
  const { config } = loaded;
  const now = clock();
  const target = month ?? previousMonth(now, config.timeZone);
  const request = { ...context.repo(), period: target, config, now };
  const outcome = await publishMonthlyReport(context.octokit, request);
  const title = monthlyReportTitle(target);
  // Created since the command was written: a try whose reply was lost published it, so say so.
  const action =
    outcome.action === "unchanged" && outcome.createdAt >= context.payload.comment.created_at
      ? "created"
      : outcome.action;
  await reply(`${VERBS[action]} [${title}](${outcome.url}) (#${outcome.number}).`);
}
