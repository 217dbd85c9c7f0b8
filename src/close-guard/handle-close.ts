import type { Context } from "probot";
import { type AppDeps, isOwnEvent } from "../app-deps.js";
import { loadConfigLogged } from "../github/load-config.js";
import { readReferenceStates } from "../github/read-reference-states.js";
import { isReport } from "../labels/is-report.js";
import { labelNames } from "../labels/label-name.js";
import { parseReport } from "../report/parse-report.js";
import { type CloseBlocker, decideClose, guardsClose, referencedIssues } from "./decide-close.js";
import { renderBlockedComment } from "./render-blocked-comment.js";

type CloseContext = Context<"issues.closed">;

/**
 * issues.closed: a report may not stay closed while its action items are open. GitHub cannot
 * refuse a close, so a blocked close is undone (reopen) and explained in one comment.
 */
export async function handleClose(context: CloseContext, deps: AppDeps): Promise<void> {
  const { payload } = context;
  const { issue } = payload;
  if (issue.labels === undefined || issue.labels.length === 0) return;
  if (await isOwnEvent(payload.sender, deps)) return;
  // With a broken config the guard does nothing; the intake's comment already says what to fix.
  const loaded = await loadConfigLogged(
    context.octokit,
    context.repo(),
    context.log,
    "close guard skipped",
  );
  if (!loaded.ok) return;
  const { config } = loaded;
  const stateReason = issue.state_reason ?? null;
  if (!isReport(labelNames(issue.labels), config.labels) || !guardsClose(config, stateReason))
    return;

  const parsed = parseReport(issue.body ?? "", { timeZone: config.timeZone, types: config.types });
  const { owner, repo } = context.repo();
  const repository = { owner, name: repo };
  const keys = referencedIssues(parsed, repository);
  const references = keys.length > 0 ? await readReferenceStates(context.octokit, keys) : new Map();
  const subIssues = issue.sub_issues_summary ?? null;
  const decision = decideClose(parsed, { config, stateReason, repository, references, subIssues });
  if (!decision.allowed) await undoClose(context, decision.blockers);
}

/** Reopens the report and says, in one comment, what keeps it open. */
async function undoClose(context: CloseContext, blockers: CloseBlocker[]): Promise<void> {
  await context.octokit.rest.issues.update(context.issue({ state: "open" }));
  await context.octokit.rest.issues.createComment(
    context.issue({ body: renderBlockedComment(blockers) }),
  );
  context.log.info(
    { issue: context.payload.issue.number, blockers: blockers.length },
    "close undone: follow-up unfinished",
  );
}
