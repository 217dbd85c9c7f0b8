import type { Context } from "probot";
import type { Config } from "../config/config.js";
import { isReport } from "../labels/is-report.js";
import { labelNames, sameLabel } from "../labels/label-name.js";
import type { IntakeInput } from "./plan-intake.js";

/** The payload of the events the intake hears. */
export type IntakePayload = Context<
  "issues.opened" | "issues.labeled" | "issues.edited"
>["payload"];

/**
 * True when the event may concern a report, decided before any API call: an issue (not a pull
 * request) with at least one label, and not the `labeled` event GitHub sends for each label an
 * issue was created with (the `opened` event fills the report, so those cost nothing).
 */
export function intakeMayMatter(payload: IntakePayload): boolean {
  const { issue } = payload;
  if (issue.pull_request || issue.labels === undefined || issue.labels.length === 0) return false;
  return !(payload.action === "labeled" && issue.updated_at === issue.created_at);
}

/**
 * What the intake plans on for this event under the config, or null when the event is not the
 * intake's: the issue is not a report, or a label other than the report label was added.
 */
export function intakeInput(payload: IntakePayload, config: Config): IntakeInput | null {
  const { issue } = payload;
  const labels = labelNames(issue.labels);
  if (!isReport(labels, config.labels)) return null;
  if (payload.action === "labeled" && !sameLabel(payload.label?.name ?? "", config.labels.report))
    return null;
  const edited = payload.action === "edited";
  return {
    mode: edited ? "edit" : "fill",
    body: issue.body ?? "",
    previousBody: edited && payload.changes.body ? (payload.changes.body.from ?? "") : null,
    labels,
    config,
    issue: { title: issue.title, createdAt: issue.created_at, closedAt: issue.closed_at ?? null },
  };
}
