import type { Config } from "../config/config.js";
import { deriveLabels, isManagedLabel } from "../report/derive-labels.js";
import { renderFilled } from "../report/fill-report.js";
import { parseReport } from "../report/parse-report.js";
import type { ParsedReport, Problem } from "../report/types.js";
import { updateDerivedRows } from "../report/update-derived-rows.js";

/** GitHub refuses issue bodies longer than this. */
export const MAX_BODY_LENGTH = 65_536;

export interface IntakeInput {
  /** `fill` for a new report (opened, or the report label added); `edit` for an edit. */
  mode: "fill" | "edit";
  body: string;
  /** The body before the edit (`changes.body.from`), or null when the body did not change. */
  previousBody: string | null;
  labels: readonly string[];
  config: Config;
}

export interface IntakePlan {
  /** The body to write, or null when it is already right (or must not be written). */
  body: string | null;
  /** The full label set to write, or null when the labels are already right. */
  labels: string[] | null;
  /** The labels the report derives, to create in the repository when missing. */
  derivedLabels: string[];
  problems: Problem[];
  /** True when the problems may differ from what the problems comment says. */
  syncProblems: boolean;
  parsed: ParsedReport;
}

/**
 * Decides what the intake writes for a report: the filled body for a new report, only the derived
 * rows of the Overview table on an edit (never a character of the author's text), and the labels
 * the report derives in place of stale `type:`/`severity:`/`service:` ones. Writes nothing that
 * would not change.
 */
export function planIntake(input: IntakeInput): IntakePlan {
  const { config } = input;
  const options = { timeZone: config.timeZone, types: config.types };
  const parsed = parseReport(input.body, options);
  const problems = [...parsed.problems];

  let body: string | null = null;
  if (parsed.shape === "canonical") {
    const update = updateDerivedRows(input.body, parsed);
    if (update && update.changed.length > 0) body = update.body;
  } else if (input.mode === "fill" || parsed.shape === "form") {
    // A form body that was never filled (the app was down, or installed later) is filled on edit too.
    body = renderFilled(parsed);
  }
  if (body !== null && body.length > MAX_BODY_LENGTH) {
    problems.push(tooLong(body.length));
    body = null;
  }
  if (body === input.body) body = null;

  const derivedLabels = deriveLabels(parsed, config);
  const kept = input.labels.filter(
    (label) => !isManagedLabel(label, config) || includesLabel(derivedLabels, label),
  );
  const missing = derivedLabels.filter((label) => !includesLabel(kept, label));
  const labels =
    missing.length > 0 || kept.length !== input.labels.length ? [...kept, ...missing] : null;

  let syncProblems = input.mode === "fill";
  if (input.mode === "edit" && input.previousBody !== null) {
    const before = planProblems(input.previousBody, config);
    syncProblems = JSON.stringify(before) !== JSON.stringify(problems);
  }
  return { body, labels, derivedLabels, problems, syncProblems, parsed };
}

/** The problems the intake reported for a body, as `planIntake` computes them. */
function planProblems(body: string, config: Config): Problem[] {
  return planIntake({ mode: "edit", body, previousBody: null, labels: [], config }).problems;
}

function includesLabel(labels: readonly string[], name: string): boolean {
  return labels.some((label) => label.toLowerCase() === name.toLowerCase());
}

function tooLong(length: number): Problem {
  return {
    field: "body",
    message: `The filled report would be ${length.toLocaleString("en-US")} characters, over GitHub's limit of ${MAX_BODY_LENGTH.toLocaleString("en-US")}, so the body was left as written. Move long logs or timelines into a comment or a linked file.`,
  };
}
