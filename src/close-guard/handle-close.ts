import type { Context } from "probot";
import { type AppDeps, isOwnEvent } from "../app-deps.js";
import type { Config } from "../config/config.js";
import { type ConfigProblem, guardFallbackConfig } from "../config/config-problem.js";
import { CONFIG_COMMENT_MARKER, renderConfigComment } from "../config/render-config-comment.js";
import { checkRole } from "../github/check-role.js";
import { loadConfigLogged } from "../github/load-config.js";
import { type CurrentIssue, readIssue } from "../github/read-issue.js";
import { readReferenceStates } from "../github/read-reference-states.js";
import {
  listIssueComments,
  type MarkedComment,
  upsertMarkedComment,
} from "../github/upsert-marked-comment.js";
import { isReport } from "../labels/is-report.js";
import { readReportWithConfig } from "../templates/read-report-with-config.js";
import { closeSnapshot, judgedAsIs, mayBeReport, stillThisClose } from "./close-event.js";
import { type CloseDecision, decideClose, guardsClose, referencedIssues } from "./decide-close.js";
import { overrideCandidates } from "./find-override.js";
import { BLOCKED_COMMENT_MARKER, renderBlockedComment } from "./render-blocked-comment.js";

type CloseContext = Context<"issues.closed">;

/**
 * issues.closed: a report may not stay closed while its action items are open. GitHub cannot
 * refuse a close, so a blocked close is undone and explained in the report's one close-guard
 * comment. Safe to repeat (README, "Writes, redeliveries and faults"): the issue is read first and
 * only an issue still closed by this close is reopened; the comment is written before the reopen
 * (a failure in between leaves the close in place for a redelivery to undo) and edited in place
 * by its marker; a close that goes with a maintainer's `/disruption close` is left to the command.
 * Returns the repository's config when a report's close stands (for the timeline sync that
 * follows it), null otherwise.
 */
export async function handleClose(context: CloseContext, deps: AppDeps): Promise<Config | null> {
  const { issue, sender } = context.payload;
  if (!mayBeReport(issue)) return null;
  if (await isOwnEvent(sender, deps)) return null;
  // A broken config keeps the guard on, with the defaults (README, "Configuration").
  const loaded = await loadConfigLogged(
    context.octokit,
    context.repo(),
    context.log,
    "the close guard runs with the defaults",
    deps.configs,
  );
  const config = loaded.ok ? loaded.config : guardFallbackConfig(loaded.problem);
  const snapshot = closeSnapshot(issue);
  if (!isReport(snapshot.labels, config.labels)) return null;
  const first = await decide(context, config, snapshot);
  if (first.allowed) return config;

  // Blocked on the event's snapshot: look at the issue as it is now before writing anything.
  const current = await readIssue(context.octokit, context.issue());
  if (!stillThisClose(current, snapshot, config)) return null;
  const decision = judgedAsIs(current, snapshot) ? first : await decide(context, config, current);
  if (decision.allowed) return config;
  const comments = await listIssueComments(context.octokit, context.issue());
  // The close goes with a maintainer's `/disruption close`: that command writes the comment.
  if (await overriddenByMaintainer(context, comments, current.closedAt)) return null;
  await undoClose(context, decision, comments, loaded.ok ? null : loaded.problem);
  return null;
}

/** Whether a maintainer's `/disruption close <reason>` goes with this close (newest first). */
async function overriddenByMaintainer(
  context: CloseContext,
  comments: readonly MarkedComment[],
  closedAt: string | null,
): Promise<boolean> {
  for (const candidate of overrideCandidates(comments, closedAt ?? "")) {
    const role = await checkRole(context.octokit, context.repo(), candidate.login, "override");
    if (role.allowed) return true;
  }
  return false;
}

/**
 * Undoes a blocked close: the config's problem said (when it is broken), the blockers in the one
 * close-guard comment, then the reopen (a failure in between leaves the close for a redelivery).
 */
async function undoClose(
  context: CloseContext,
  decision: CloseDecision,
  comments: readonly MarkedComment[],
  problem: ConfigProblem | null,
): Promise<void> {
  if (problem) await sayConfigProblem(context, problem, comments);
  await upsertMarkedComment(
    context.octokit,
    context.issue(),
    BLOCKED_COMMENT_MARKER,
    renderBlockedComment(decision.blockers),
    { comments },
  );
  await context.octokit.rest.issues.update(context.issue({ state: "open" }));
  context.log.info(
    { issue: context.payload.issue.number, blockers: decision.blockers.length },
    "close undone: follow-up unfinished",
  );
}

/** Says what is wrong with the config once, in the config comment the intake keeps (by marker). */
async function sayConfigProblem(
  context: CloseContext,
  problem: ConfigProblem,
  comments: readonly MarkedComment[],
): Promise<void> {
  const text = renderConfigComment(problem.source, problem.issues);
  await upsertMarkedComment(context.octokit, context.issue(), CONFIG_COMMENT_MARKER, text, {
    comments,
  });
}

/** Whether the close may stand, judged on the issue as given (the event's, or as read now). */
async function decide(
  context: CloseContext,
  config: Config,
  issue: CurrentIssue,
): Promise<CloseDecision> {
  const { stateReason } = issue;
  if (!guardsClose(config, stateReason)) return { allowed: true, blockers: [] };
  // Through the repository's template, if any: its severity decides whether items are required.
  const { parsed } = readReportWithConfig(issue.body, config, {
    title: context.payload.issue.title,
    createdAt: context.payload.issue.created_at,
    closedAt: issue.closedAt,
  });
  const { owner, repo } = context.repo();
  const repository = { owner, name: repo };
  const keys = referencedIssues(parsed, repository);
  const references = keys.length > 0 ? await readReferenceStates(context.octokit, keys) : new Map();
  const subIssues = context.payload.issue.sub_issues_summary ?? null;
  return decideClose(parsed, { config, stateReason, repository, references, subIssues });
}
