import type { Context } from "probot";
import { type AppDeps, isOwnEvent } from "../app-deps.js";
import type { Config } from "../config/config.js";
import { CONFIG_COMMENT_MARKER, renderConfigComment } from "../config/render-config-comment.js";
import { ensureLabels } from "../github/ensure-labels.js";
import { readConfig } from "../github/read-config.js";
import { upsertMarkedComment } from "../github/upsert-marked-comment.js";
import { planIntake } from "./plan-intake.js";
import { PROBLEMS_COMMENT_MARKER, renderProblemsComment } from "./render-problems-comment.js";

type IntakeContext = Context<"issues.opened" | "issues.labeled" | "issues.edited">;

/**
 * issues.opened / issues.labeled / issues.edited: fill a new report, keep an edited one true, set
 * its labels, and keep its one problems comment current. Issues without the report label are left
 * alone; an issue without any label costs no API call at all.
 */
export async function handleIntake(context: IntakeContext, deps: AppDeps): Promise<void> {
  const { payload } = context;
  const issue = payload.issue;
  if (issue.pull_request || issue.labels === undefined || issue.labels.length === 0) return;
  if (await isOwnEvent(payload.sender, deps)) return;
  // GitHub follows `opened` with a `labeled` event for each label the issue was created with; the
  // `opened` event fills the report, so those cost nothing.
  if (payload.action === "labeled" && issue.updated_at === issue.created_at) return;

  const { owner, repo } = context.repo();
  const loaded = await readConfig(context.octokit, owner, repo);
  if (!loaded.ok) {
    // Tell only reports (as far as the broken file lets us know the report label).
    const names = issue.labels.map((label) => label.name.toLowerCase());
    if (names.includes(loaded.reportLabel.toLowerCase())) {
      await reportConfigProblems(context, loaded.source ?? "", loaded.issues);
    }
    return;
  }
  const { config } = loaded;
  const labels = issue.labels.map((label) => label.name);
  if (!isReport(labels, config)) return;
  if (
    payload.action === "labeled" &&
    payload.label?.name.toLowerCase() !== config.labels.report.toLowerCase()
  )
    return;

  const body = issue.body ?? "";
  const previousBody =
    payload.action === "edited"
      ? payload.changes.body
        ? (payload.changes.body.from ?? "")
        : null
      : null;
  const plan = planIntake({
    mode: payload.action === "edited" ? "edit" : "fill",
    body,
    previousBody,
    labels,
    config,
  });

  if (plan.labels) {
    await ensureLabels(
      context.octokit,
      { owner, repo, installation: payload.installation?.id },
      plan.derivedLabels,
      config,
      deps.labels,
    );
  }
  if (plan.body !== null || plan.labels !== null) {
    await context.octokit.rest.issues.update(
      context.issue({
        ...(plan.body !== null ? { body: plan.body } : {}),
        ...(plan.labels !== null ? { labels: plan.labels } : {}),
      }),
    );
  }
  if (plan.syncProblems) {
    const result = await upsertMarkedComment(
      context.octokit,
      context.issue(),
      PROBLEMS_COMMENT_MARKER,
      renderProblemsComment(plan.problems),
      { hasComments: issue.comments > 0, onlyUpdate: plan.problems.length === 0 },
    );
    if (plan.problems.length > 0) {
      context.log.info(
        { issue: issue.number, problems: plan.problems.length, comment: result },
        "report has problems",
      );
    }
  }
}

/** A report carries the report label and is not one of the app's analytics issues. */
export function isReport(labels: readonly string[], config: Config): boolean {
  const names = labels.map((label) => label.toLowerCase());
  return (
    names.includes(config.labels.report.toLowerCase()) &&
    !names.includes(config.labels.analytics.toLowerCase())
  );
}

async function reportConfigProblems(
  context: IntakeContext,
  source: string,
  issues: Parameters<typeof renderConfigComment>[1],
): Promise<void> {
  context.log.warn(
    { issue: context.payload.issue.number, source, issues },
    "config file is not valid: nothing done",
  );
  await upsertMarkedComment(
    context.octokit,
    context.issue(),
    CONFIG_COMMENT_MARKER,
    renderConfigComment(source, issues),
    {
      hasComments: context.payload.issue.comments > 0,
    },
  );
}
