import { DateTime } from "luxon";
import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { Config } from "../config/config.js";
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
import {
  configRefusal,
  type Refusal,
  readCommands,
  roleRefusal,
  unreadLines,
} from "./command-refusals.js";
import type { Command, ParsedCommand } from "./parse-command.js";
import { type CommandPlan, planCommands } from "./plan-commands.js";
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
  if (!allowed) return refuse(context, login, roleRefusal(parsed, role), false);
  const unread = unreadLines(parsed);
  if (unread.length > 0) return refuse(context, login, unread);
  const loaded = await loadConfigLogged(
    context.octokit,
    context.repo(),
    context.log,
    "command refused",
    deps.configs,
  );
  if (!loaded.ok) return refuse(context, login, configRefusal(parsed, loaded.problem), false);
  const { config } = loaded;
  const commands = readCommands(parsed);
  for (let read = 1; ; read += 1) {
    const { body, plan } = await planOnIssueNow(context, config, commands, login, readHistory);
    if (plan.kind === "refused") return refuse(context, login, plan.refusals);
    if (plan.kind === "write") {
      const created = await createLabels(context, deps, config, plan.labels.add);
      // Creating labels took a second a label: plan again on what the issue holds now.
      if (created > 0 && read < MAX_READS) continue;
      await writePlan(context, plan, body);
    }
    return reactToComment(context, "+1");
  }
}

/** The issue read as it is now (not as the webhook saw it: people edit while the app works), and the plan on it. */
async function planOnIssueNow(
  context: CommentContext,
  config: Config,
  commands: readonly { line: string; command: Command }[],
  actor: string,
  readHistory: HistoryReader,
): Promise<{ body: string; plan: CommandPlan }> {
  const { data: issue } = await context.octokit.rest.issues.get(context.issue());
  const labels = issue.labels.flatMap((label) =>
    typeof label === "string" ? [label] : label.name ? [label.name] : [],
  );
  const sync = commands.some((c) => c.command.verb === "timeline-sync");
  const historyRows = sync ? await readHistory(context, config) : [];
  const body = issue.body ?? "";
  const plan = planCommands({
    body,
    labels,
    isReport: isReport(labels, config.labels),
    config,
    commands,
    actor,
    commentId: context.payload.comment.id,
    now: DateTime.fromISO(context.payload.comment.created_at, { setZone: true }),
    issueCreatedAt: DateTime.fromISO(issue.created_at, { setZone: true }),
    historyRows,
  });
  return { body, plan };
}

/** Creates the labels the plan adds that the repository lacks; how many it created. */
function createLabels(
  context: CommentContext,
  deps: AppDeps,
  config: Config,
  names: readonly string[],
): Promise<number> {
  const repository = { ...context.repo(), installation: context.payload.installation?.id };
  return ensureLabels(context.octokit, repository, names, config, deps.labels);
}

/** The plan written: the body when it changed, the labels, the problems comment when it follows. */
async function writePlan(
  context: CommentContext,
  plan: Extract<CommandPlan, { kind: "write" }>,
  before: string,
): Promise<void> {
  const ref = context.issue();
  if (plan.body !== before) await context.octokit.rest.issues.update({ ...ref, body: plan.body });
  await changeIssueLabels(context.octokit, ref, plan.labels);
  if (!plan.intake.syncProblems) return;
  await upsertMarkedComment(
    context.octokit,
    ref,
    PROBLEMS_COMMENT_MARKER,
    renderProblemsComment(plan.intake.problems),
    { onlyUpdate: plan.intake.problems.length === 0 },
  );
}

async function refuse(
  context: CommentContext,
  login: string,
  refusals: readonly Refusal[],
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
