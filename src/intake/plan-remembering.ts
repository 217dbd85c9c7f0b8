import { keptReading, readingAfterEdit } from "../report/reading-after-edit.js";
import { type IntakeInput, type IntakePlan, planIntake } from "./plan-intake.js";
import type { ProblemsMemo } from "./problems-memo.js";

/**
 * The intake's plan for an event, with what the memo remembers of an edit's previous body: its
 * problems are not planned again, and an edit that changes only prose or an item's wording, which
 * the intake derives nothing from (see `readingAfterEdit`), is not planned at all. Then there is
 * nothing to write, and `null` is returned: the body before was planned with the same labels and
 * config, its plan wrote no body and no label, and the edit leaves the problems as they were. The
 * memo learns the body.
 */
export function planRemembering(input: IntakeInput, memo: ProblemsMemo): IntakePlan | null {
  const previous = memo.get(input.previousBody, input);
  if (input.mode === "edit" && previous?.reading) {
    const reading = readingAfterEdit(previous.reading, input.body);
    if (reading) {
      memo.set(input.body, input, previous.problems, reading);
      return null;
    }
  }
  const plan = planIntake({ ...input, previousProblems: previous?.problems });
  if (input.mode === "edit") memo.set(input.body, input, plan.problems, settledReading(plan));
  return plan;
}

/**
 * The reading to keep of a plan that writes no body and no label (under the app's own shapes): not
 * of a body whose derived rows were left stale because the updated body would be too long.
 */
function settledReading(plan: IntakePlan) {
  const settled =
    plan.body === null &&
    plan.labels.add.length === 0 &&
    plan.labels.remove.length === 0 &&
    plan.read.template === null &&
    !plan.problems.some((problem) => problem.field === "body");
  return settled ? keptReading(plan.parsed) : null;
}
