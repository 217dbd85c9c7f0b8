import { DateTime } from "luxon";
import type { Context } from "probot";
import { monthlyReportTitle } from "../analytics/render-monthly-report.js";
import { previousMonth } from "../analytics/schedule.js";
import { describeConfigProblem } from "../config/config-problem.js";
import { checkRole } from "../github/check-role.js";
import { loadConfigLogged } from "../github/load-config.js";
import { type PublishOutcome, publishMonthlyReport } from "../github/publish-monthly-report.js";
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
  const reply = commandReply(context);
  const login = context.payload.comment.user?.login ?? context.payload.sender.login;
  const { allowed, role } = await checkRole(context.octokit, context.repo(), login, "publish");
  if (!allowed)
    return reply(
      `@${login} publishing the disruption analytics needs write permission on this repository (your role: ${role}).`,
    );
  const loaded = await loadConfigLogged(
    context.octokit,
    context.repo(),
    context.log,
    "analytics not published",
  );
  if (!loaded.ok)
    return reply(`The analytics were not published: ${describeConfigProblem(loaded.problem)}.`);
  const { config } = loaded;
  const now = clock();
  const period = month ?? previousMonth(now, config.timeZone);
  const outcome = await publishMonthlyReport(context.octokit, {
    ...context.repo(),
    period,
    config,
    now,
  });
  await reply(publishedReply(period, outcome, context.payload.comment.created_at));
}

/**
 * Writes the one reply to the command comment, found by its marker: a redelivery or a retry posts
 * no second one.
 */
function commandReply(context: Context<"issue_comment.created">): (text: string) => Promise<void> {
  const marker = replyMarker(context.payload.comment.id);
  return async (text) => {
    await upsertMarkedComment(context.octokit, context.issue(), marker, `${marker}\n${text}`, {
      keepExisting: true,
    });
  };
}

/** `Published [Disruption report: October 2026](url) (#12).` */
function publishedReply(period: string, outcome: PublishOutcome, commandAt: string): string {
  // Created since the command was written: a try whose reply was lost published it, so say so.
  const action =
    outcome.action === "unchanged" && outcome.createdAt >= commandAt ? "created" : outcome.action;
  return `${VERBS[action]} [${monthlyReportTitle(period)}](${outcome.url}) (#${outcome.number}).`;
}
