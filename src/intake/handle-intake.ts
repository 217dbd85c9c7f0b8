import type { Context } from "probot";
import { type AppDeps, isOwnEvent } from "../app-deps.js";
import { CONFIG_COMMENT_MARKER, renderConfigComment } from "../config/render-config-comment.js";
import { readConfig } from "../github/read-config.js";
import { upsertMarkedComment } from "../github/upsert-marked-comment.js";
import { isReport } from "./is-report.js";
import { planIntake } from "./plan-intake.js";
import { writeIntake } from "./write-intake.js";

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
  const event = {
    mode: payload.action === "edited" ? ("edit" as const) : ("fill" as const),
    body,
    previousBody,
    config,
  };
  // A first plan on the event's snapshot: an edit that changes nothing of the app's costs no read.
  const snapshot = planIntake({ ...event, labels });
  const writes =
    snapshot.body !== null ||
    snapshot.labels.add.length > 0 ||
    snapshot.labels.remove.length > 0 ||
    snapshot.syncProblems;
  if (!writes) return;
  await writeIntake(context, deps, event);
}

export { isReport };

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
  );
}
