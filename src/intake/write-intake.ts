import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { Config } from "../config/config.js";
import { changeIssueLabels } from "../github/change-issue-labels.js";
import { ensureLabels } from "../github/ensure-labels.js";
import { readIssue } from "../github/read-issue.js";
import { upsertMarkedComment } from "../github/upsert-marked-comment.js";
import { isReport } from "../labels/is-report.js";
import type { IssueFacts } from "../templates/read-template-fields.js";
import { type IntakePlan, planIntake } from "./plan-intake.js";
import { PROBLEMS_COMMENT_MARKER, renderProblemsComment } from "./render-problems-comment.js";

type IntakeContext = Context<
  "issues.opened" | "issues.labeled" | "issues.edited" | "issues.closed"
>;

/** What the event said; the write itself is planned on the issue as it is now. */
export interface IntakeEvent {
  mode: "fill" | "edit";
  /** The body in the webhook payload. */
  body: string;
  /** `changes.body.from` of an edit, or null. */
  previousBody: string | null;
  config: Config;
  /** The issue's title and times, for a monitor's template (the close time is read again). */
  issue?: IssueFacts | undefined;
  /** The labels in the payload, when `snapshot` was planned on them. */
  labels?: readonly string[];
}

/** Reads again after label creation at most this often (each creation is a write a second apart). */
const MAX_READS = 3;

/**
 * Writes a report's intake safely (README, "Writes and faults"): reads the issue right before
 * writing and plans on its body and labels as they are then, so an edit or a label that landed
 * since the event is kept; writes the body alone (no label set in the same PATCH), then adds and
 * removes only the app's labels by name, then keeps the one problems comment. Each step is safe to
 * repeat, so a redelivery completes what a failure left undone. Returns the plan written, or null
 * when the issue is no report any more. `snapshot` is the plan made on the event's body and
 * labels: where the issue still holds them, it is the plan, and the body is not parsed again.
 */
export async function writeIntake(
  context: IntakeContext,
  deps: AppDeps,
  event: IntakeEvent,
  snapshot?: IntakePlan,
): Promise<IntakePlan | null> {
  const { owner, repo } = context.repo();
  const ref = context.issue();
  for (let read = 1; ; read += 1) {
    const current = await readIssue(context.octokit, ref);
    if (!isReport(current.labels, event.config.labels)) return null;
    const unchangedSinceEvent = current.body === event.body;
    const plan = planOnCurrent(event, current, snapshot);
    const created = await ensureLabels(
      context.octokit,
      { owner, repo, installation: context.payload.installation?.id },
      plan.labels.add,
      event.config,
      deps.labels,
    );
    // Creating labels took a second a label: plan again on what the issue holds now.
    if (created > 0 && read < MAX_READS) continue;
    if (plan.body !== null) {
      await context.octokit.rest.issues.update({ ...ref, body: plan.body });
    }
    await changeIssueLabels(context.octokit, ref, plan.labels);
    if (plan.syncProblems || !unchangedSinceEvent) {
      const result = await upsertMarkedComment(
        context.octokit,
        ref,
        PROBLEMS_COMMENT_MARKER,
        renderProblemsComment(plan.problems),
        { onlyUpdate: plan.problems.length === 0 },
      );
      if (plan.problems.length > 0) {
        context.log.info(
          { issue: ref.issue_number, problems: plan.problems.length, comment: result },
          "report has problems",
        );
      }
    }
    return plan;
  }
}

/**
 * The plan on the issue as it is now. planIntake is pure: on the body, labels and close time the
 * snapshot was planned on, the snapshot is that plan; on the same body and close time with other
 * labels, the snapshot's reading of the body is reused.
 */
function planOnCurrent(
  event: IntakeEvent,
  current: { body: string; labels: string[]; closedAt: string | null },
  snapshot: IntakePlan | undefined,
): IntakePlan {
  const unchangedSinceEvent = current.body === event.body;
  const sameRead =
    unchangedSinceEvent && (event.issue === undefined || event.issue.closedAt === current.closedAt);
  const sameLabels =
    event.labels !== undefined &&
    event.labels.length === current.labels.length &&
    event.labels.every((label, index) => label === current.labels[index]);
  if (snapshot && sameRead && sameLabels) return snapshot;
  return planIntake({
    mode: event.mode,
    body: current.body,
    previousBody: unchangedSinceEvent ? event.previousBody : null,
    labels: current.labels,
    config: event.config,
    issue: event.issue && { ...event.issue, closedAt: current.closedAt },
    read: snapshot && sameRead ? snapshot.read : undefined,
  });
}
