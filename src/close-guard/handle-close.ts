import type { Context } from "probot";
import { type AppDeps, isOwnEvent } from "../app-deps.js";
import { readConfig } from "../github/read-config.js";
import { readReferenceStates } from "../github/read-reference-states.js";
import { isReport } from "../intake/handle-intake.js";
import { parseReport } from "../report/parse-report.js";
import { decideClose, qualifiedReference } from "./decide-close.js";
import { renderBlockedComment } from "./render-blocked-comment.js";

/**
 * issues.closed: a report may not stay closed while its action items are open. GitHub cannot
 * refuse a close, so a blocked close is undone (reopen) and explained in one comment.
 */
export async function handleClose(context: Context<"issues.closed">, deps: AppDeps): Promise<void> {
  const { payload } = context;
  const issue = payload.issue;
  if (issue.labels === undefined || issue.labels.length === 0) return;
  if (await isOwnEvent(payload.sender, deps)) return;

  const { owner, repo } = context.repo();
  const loaded = await readConfig(context.octokit, owner, repo);
  // With a broken config the guard does nothing; the intake's comment already says what to fix.
  if (!loaded.ok) return;
  const { config } = loaded;
  if (
    !isReport(
      issue.labels.map((label) => label.name),
      config,
    )
  )
    return;
  const stateReason = issue.state_reason ?? null;
  if (!config.closeGuard.enabled || stateReason === "not_planned" || stateReason === "duplicate")
    return;

  const parsed = parseReport(issue.body ?? "", { timeZone: config.timeZone, types: config.types });
  const repository = { owner, name: repo };
  const keys = parsed.actionItems
    .filter((item) => !item.dropped)
    .flatMap((item) => item.references.map((ref) => qualifiedReference(ref, repository)));
  const references = keys.length > 0 ? await readReferenceStates(context.octokit, keys) : new Map();
  const decision = decideClose(parsed, {
    config,
    stateReason,
    repository,
    references,
    subIssues: issue.sub_issues_summary ?? null,
  });
  if (!decision.allowed) {
    await context.octokit.rest.issues.update(context.issue({ state: "open" }));
    await context.octokit.rest.issues.createComment(
      context.issue({ body: renderBlockedComment(decision.blockers) }),
    );
  }
  if (decision.allowed) return;
  context.log.info(
    { issue: issue.number, blockers: decision.blockers.length },
    "close undone: follow-up unfinished",
  );
}
