import type { Config } from "../config/config.js";
import { deriveLabels } from "../labels/derive-labels.js";
import { MAX_BODY_LENGTH } from "../limits/github-limits.js";
import { fillWithinLimit } from "../report/fill-report.js";
import type { ParsedReport, Problem } from "../report/types.js";
import { updateDerivedRows } from "../report/update-derived-rows.js";
import { fillTemplate } from "../templates/fill-template.js";
import { type ConfiguredRead, readReportWithConfig } from "../templates/read-report-with-config.js";
import type { IssueFacts } from "../templates/read-template-fields.js";
import { type LabelChange, labelLimitProblem, planLabelChange } from "./plan-label-change.js";

export interface IntakeInput {
  /** `fill` for a new report (opened, or the report label added); `edit` for an edit. */
  mode: "fill" | "edit";
  /** The body as it is on GitHub now (read right before writing). */
  body: string;
  /** The body before the edit (`changes.body.from`), or null when the body did not change. */
  previousBody: string | null;
  /** The issue's labels as they are on GitHub now. */
  labels: readonly string[];
  config: Config;
  /** The issue's title and times: what a monitor's template (Upptime) reads its fields from. */
  issue?: IssueFacts | undefined;
  /** The problems `previousBody` had, when remembered from the event that planned it. */
  previousProblems?: Problem[] | undefined;
  /** `body` already read under `config` and `issue` (a plan's `read`): it is not parsed again. */
  read?: ConfiguredRead | undefined;
}

export interface IntakePlan {
  /** The body to write, or null when it is already right (or must not be written). */
  body: string | null;
  /** The labels to add and remove by name (only the app's own are ever removed). */
  labels: LabelChange;
  problems: Problem[];
  /** True when the problems may differ from what the problems comment says. */
  syncProblems: boolean;
  parsed: ParsedReport;
  /** The body as read under the config, for a later plan on the same body (see `IntakeInput.read`). */
  read: ConfiguredRead;
}

/**
 * Decides what the intake writes for a report: the filled body for a new report, only the derived
 * rows of the Overview table on an edit (never a character of the author's text), and the labels
 * the report derives in place of stale `type:`/`severity:`/`service:` ones. Writes nothing that
 * would not change. A body that is already filled (a redelivered or late `opened`) gets only its
 * derived rows updated.
 */
export function planIntake(input: IntakeInput): IntakePlan {
  const { config } = input;
  const read = input.read ?? readReportWithConfig(input.body, config, input.issue);
  const { parsed, template } = read;
  const problems = [...parsed.problems];

  let body: string | null = null;
  if (template) {
    // A team's own template gets only what it lacks (README, "Bring your own template"): the
    // Overview table when the report is new, its derived rows on every edit.
    if (input.mode === "fill" || parsed.layout.table) body = fillTemplate(template);
  } else if (parsed.shape === "canonical") {
    const update = updateDerivedRows(input.body, parsed);
    if (update && update.changed.length > 0) body = update.body;
  } else if (input.mode === "fill" || parsed.shape === "form") {
    // A form body that was never filled (the app was down, or installed later) is filled on edit too.
    const filled = fillWithinLimit(parsed, config.fill);
    body = filled.body;
    if (filled.problem) problems.push(filled.problem);
  }
  if (body !== null && body.length > MAX_BODY_LENGTH) {
    problems.push(tooLong(body.length));
    body = null;
  }
  if (body === input.body) body = null;

  const labels = planLabelChange(input.labels, deriveLabels(parsed, config), config);
  if (labels.leftOut.length > 0) problems.push(labelLimitProblem(labels.leftOut));

  let syncProblems = input.mode === "fill";
  if (input.mode === "edit" && input.previousBody !== null) {
    const before =
      input.previousProblems ?? planProblems(input.previousBody, input.labels, config, input.issue);
    syncProblems = JSON.stringify(before) !== JSON.stringify(problems);
  }
  return { body, labels, problems, syncProblems, parsed, read };
}

/** The problems the intake reported for a body, as `planIntake` computes them. */
function planProblems(
  body: string,
  labels: readonly string[],
  config: Config,
  issue: IssueFacts | undefined,
): Problem[] {
  return planIntake({ mode: "edit", body, previousBody: null, labels, config, issue }).problems;
}

function tooLong(length: number): Problem {
  return {
    field: "body",
    message: `The filled report would be ${length.toLocaleString("en-US")} characters, over GitHub's limit of ${MAX_BODY_LENGTH.toLocaleString("en-US")}, so the body was left as written. Move long logs or timelines into a comment or a linked file.`,
  };
}

/** True when the plan writes anything: the body, a label added or removed, or the problems comment. */
export function plansWrites(plan: IntakePlan): boolean {
  return (
    plan.body !== null ||
    plan.labels.add.length > 0 ||
    plan.labels.remove.length > 0 ||
    plan.syncProblems
  );
}
