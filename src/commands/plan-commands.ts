import type { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { type IntakePlan, planIntake } from "../intake/plan-intake.js";
import type { LabelChange } from "../intake/plan-label-change.js";
import { parseReport } from "../report/parse-report.js";
import type { ParsedReport, Problem } from "../report/types.js";
import { insertTimelineRows } from "../timeline/insert-timeline-rows.js";
import { resolveTime } from "../timeline/resolve-time.js";
import { commentMarker, type NewTimelineRow, rowMarker } from "../timeline/timeline-row.js";
import { type Applied, applyCommand, type Draft, type StepContext } from "./command-steps.js";
import type { Command } from "./parse-command.js";

/** The commands of one comment, and what the plan needs to know of the issue and the comment. */
export interface CommandInput {
  /** The body as it is now (read just before planning), never the webhook's snapshot. */
  body: string;
  labels: readonly string[];
  isReport: boolean;
  config: Config;
  commands: readonly { line: string; command: Command }[];
  /** The commenter's login: the party of the rows the commands add. */
  actor: string;
  commentId: number;
  /** When the comment was written: "now" for a command without a time. */
  now: DateTime;
  /** When the issue was opened: the Started time `declare` writes when the body has none. */
  issueCreatedAt: DateTime;
  /** Rows from the issue's history, for `/disruption timeline sync` (already read by the shell). */
  historyRows?: readonly NewTimelineRow[];
}

export type CommandPlan =
  | {
      kind: "write";
      /** The whole new body. */
      body: string;
      /** The labels to add and remove by name (only the app's own are ever removed). */
      labels: LabelChange;
      intake: IntakePlan;
    }
  /** Nothing to write: the comment was applied already (a redelivery), or changes nothing. */
  | { kind: "unchanged"; reason: "applied" | "nothing" }
  | { kind: "refused"; refusals: { line: string; message: string }[] };

/**
 * Applies the body commands of one comment to the body, all or none: each sets its Overview value
 * or adds its timeline row (every row marked with the comment's id), then the derived rows and the
 * labels follow as on any edit. A comment whose marker the body already holds was applied before
 * (a redelivery) and changes nothing. One refused command refuses the comment, with every reason.
 */
export function planCommands(input: CommandInput): CommandPlan {
  const marker = commentMarker(input.commentId);
  if (input.body.includes(rowMarker(marker))) return { kind: "unchanged", reason: "applied" };
  const context = stepContext(input, marker);
  const original = context.parse(input.body);
  let draft: Draft = { body: input.body, isReport: input.isReport, rows: [] };
  const refusals: { line: string; message: string }[] = [];
  for (const { line, command } of input.commands) {
    const applied: Applied = applyCommand(command, draft, context);
    draft = applied.draft;
    if (applied.refusal !== undefined) refusals.push({ line, message: applied.refusal });
  }
  if (refusals.length > 0) return { kind: "refused", refusals };
  return finishPlan(input, draft, original.problems, context.parse);
}

/** What the commands read besides the draft: the config, the times, the history, the parse. */
function stepContext(input: CommandInput, marker: string): StepContext {
  const { config, actor } = input;
  const now = resolveTime(null, input.now, config.timeZone);
  return {
    config,
    written: input.now,
    now: now.ok ? now.time : input.now,
    issueCreatedAt: input.issueCreatedAt,
    historyRows: input.historyRows ?? [],
    // Each body is read once: a command that changes nothing of the Overview reuses the last read.
    parse: memoParse({ timeZone: config.timeZone, types: config.types }),
    row: (time, event, effect = "neutral") => ({ time, party: actor, event, effect, marker }),
  };
}

/**
 * The rows inserted, then the derived rows and the labels as on any edit; the problems comment
 * follows when the problems changed. Nothing to write when neither the body nor the labels change.
 */
function finishPlan(
  input: CommandInput,
  draft: Draft,
  problemsBefore: readonly Problem[],
  parse: (body: string) => ParsedReport,
): CommandPlan {
  const { config } = input;
  const started = parse(draft.body).times.started;
  const baseDate = started ? started.setZone(config.timeZone).toISODate() : null;
  const body = insertTimelineRows(draft.body, draft.rows, config.timeZone, baseDate);
  // The report label is among the labels a report derives, so a declared issue gets it here.
  const planned = planIntake({
    mode: "edit",
    body,
    previousBody: null,
    labels: input.labels,
    config,
  });
  const syncProblems = JSON.stringify(problemsBefore) !== JSON.stringify(planned.problems);
  const intake = { ...planned, syncProblems };
  const finalBody = intake.body ?? body;
  const { labels } = intake;
  const labelsChanged = labels.add.length > 0 || labels.remove.length > 0;
  if (finalBody === input.body && !labelsChanged) return { kind: "unchanged", reason: "nothing" };
  return { kind: "write", body: finalBody, labels, intake };
}

/** `parseReport` that keeps its last reads (a plan reads the body before and after each change). */
function memoParse(options: {
  timeZone: string;
  types: readonly string[];
}): (body: string) => ParsedReport {
  const reads = new Map<string, ParsedReport>();
  return (body) => {
    let parsed = reads.get(body);
    if (!parsed) {
      parsed = parseReport(body, options);
      reads.set(body, parsed);
      if (reads.size > 3) reads.delete(reads.keys().next().value as string);
    }
    return parsed;
  };
}
