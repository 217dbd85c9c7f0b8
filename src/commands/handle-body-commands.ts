import { DateTime } from "luxon";
import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { Config } from "../config/config.js";
import { describeConfigProblem } from "../config/config-problem.js";
import { changeIssueLabels } from "../github/change-issue-labels.js";
import { checkRole } from "../github/check-role.js";
import { ensureLabels } from "../github/ensure-labels.js";
import { loadConfigLogged } from "../github/load-config.js";
import { upsertMarkedComment } from "../github/upsert-marked-comment.js";
import {
  PROBLEMS_COMMENT_MARKER,
  renderProblemsComment,
} from "../intake/render-problems-comment.js";
import { isReport } from "../labels/is-report.js";
import type { NewTimelineRow } from "../timeline/timeline-row.js";
import type { ParsedCommand } from "./parse-command.js";
import { planCommands } from "./plan-commands.js";
import { reactToComment } from "./react.js";
import { REFUSAL_COMMENT_MARKER, renderRefusal } from "./render-refusal.js";

type CommentContext = Context<"issue_comment.created">;

/** Reads again after label creation at most this often (each creation is a write a second apart). */
const MAX_READS = 3;

/** Reads the rows of the issue's own history, for `/disruption timeline sync`. */
export type HistoryReader = (context: CommentContext, config: Config) => Promise<NewTimelineRow[]>;

/**
 * The commands that change the report body (`timeline`, `detected` … `resolved`, `severity`,
 * `type`, `services`, `declare`): 👀 when taken, the permission read from GitHub, the issue read
 * just before writing, one PATCH for the whole comment, 👍 when done; 😕 and the one refusal
 * comment (edited in place) when refused. A success is never a comment.
 */
export async function handleBodyCommands(
  context: CommentContext,
  deps: AppDeps,
  parsed: readonly ParsedCommand[],
  readHistory: HistoryReader,
): Promise<void> {
  const { payload } = context;
  const login = payload.comment.user?.login ?? payload.sender.login;
  await reactToComment(context, "eyes");
  const { allowed, role } = await checkRole(context.octokit, context.repo(), login, "record");
  if (!allowed) {
    await refuse(
      context,
      login,
      [
        {
          line: parsed[0]?.line ?? "/disruption",
          message: `commands need write access to this repository (your role: ${role})`,
        },
      ],
      false,
    );
    return;
  }
  const failed = parsed.flatMap((p) => (p.ok ? [] : [{ line: p.line, message: p.message }]));
  if (failed.length > 0) {
    await refuse(context, login, failed);
    return;
  }
  const { owner, repo } = context.repo();
  const loaded = await loadConfigLogged(
    context.octokit,
    { owner, repo },
    context.log,
    "command refused",
    deps.configs,
  );
  if (!loaded.ok) {
    await refuse(
      context,
      login,
      [
        {
          line: parsed[0]?.line ?? "/disruption",
          message: `${describeConfigProblem(loaded.problem)}; fix it, then write the command again`,
        },
      ],
      false,
    );
    return;
  }
  const { config } = loaded;
  const commands = parsed.flatMap((p) => (p.ok ? [{ line: p.line, command: p.command }] : []));
  const ref = context.issue();
  for (let read = 1; ; read += 1) {
    // The body as it is now, not as the webhook saw it: people edit while the app works.
    const { data: issue } = await context.octokit.rest.issues.get(ref);
    const labels = issue.labels.flatMap((label) =>
      typeof label === "string" ? [label] : label.name ? [label.name] : [],
    );
    const sync = commands.some((c) => c.command.verb === "timeline-sync");
    const historyRows = sync ? await readHistory(context, config) : [];
    const plan = planCommands({
      body: issue.body ?? "",
      labels,
      isReport: isReport(labels, config.labels),
      config,
      commands,
      actor: login,
      commentId: payload.comment.id,
      now: DateTime.fromISO(payload.comment.created_at, { setZone: true }),
      issueCreatedAt: DateTime.fromISO(issue.created_at, { setZone: true }),
      historyRows,
    });
    if (plan.kind === "refused") {
      await refuse(context, login, plan.refusals);
      return;
    }
    if (plan.kind === "write") {
      const created = await ensureLabels(
        context.octokit,
        { owner, repo, installation: payload.installation?.id },
        plan.labels.add,
        config,
        deps.labels,
      );
      // Creating labels took a second a label: plan again on what the issue holds now.
      if (created > 0 && read < MAX_READS) continue;
      if (plan.body !== (issue.body ?? "")) {
        await context.octokit.rest.issues.update({ ...ref, body: plan.body });
      }
      await changeIssueLabels(context.octokit, ref, plan.labels);
      if (plan.intake.syncProblems) {
        await upsertMarkedComment(
          context.octokit,
          ref,
          PROBLEMS_COMMENT_MARKER,
          renderProblemsComment(plan.intake.problems),
          { onlyUpdate: plan.intake.problems.length === 0 },
        );
      }
    }
    await reactToComment(context, "+1");
    return;
  }
}

async function refuse(
  context: CommentContext,
  login: string,
  refusals: { line: string; message: string }[],
  showUsage = true,
): Promise<void> {
  await reactToComment(context, "confused");
  await upsertMarkedComment(
    context.octokit,
    context.issue(),
    REFUSAL_COMMENT_MARKER,
    renderRefusal(login, refusals, { showUsage }),
  );
}
