import type { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { type IntakePlan, planIntake } from "../intake/plan-intake.js";
import type { LabelChange } from "../intake/plan-label-change.js";
import { codeSpan, inlineMarkdown } from "../markdown/neutralise.js";
import { META_NAMES } from "../report/field-names.js";
import { renderFilled } from "../report/fill-report.js";
import { parseReport } from "../report/parse-report.js";
import { formatTime } from "../report/parse-time.js";
import { readType } from "../report/read-values.js";
import { setOverviewValue } from "../report/set-overview-value.js";
import { describeSeverity } from "../report/severity-scale.js";
import type { MetaField, ParsedReport } from "../report/types.js";
import { insertTimelineRows } from "../timeline/insert-timeline-rows.js";
import { resolveTime } from "../timeline/resolve-time.js";
import {
  commentMarker,
  type Effect,
  type NewTimelineRow,
  rowMarker,
} from "../timeline/timeline-row.js";
import type { Command, CommandTimeField } from "./parse-command.js";

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

/** How each lifecycle time counts for recovery, for its timeline row. */
const TIME_EFFECT: Record<CommandTimeField, Effect> = {
  detected: "neutral",
  acknowledged: "neutral",
  mitigated: "positive",
  resolved: "positive",
};

/**
 * Applies the body commands of one comment to the body, all or none: each sets its Overview value
 * or adds its timeline row (every row marked with the comment's id), then the derived rows and the
 * labels follow as on any edit. A comment whose marker the body already holds was applied before
 * (a redelivery) and changes nothing. One refused command refuses the comment, with every reason.
 */
export function planCommands(input: CommandInput): CommandPlan {
  const marker = commentMarker(input.commentId);
  if (input.body.includes(rowMarker(marker))) return { kind: "unchanged", reason: "applied" };
  const { config } = input;
  const options = { timeZone: config.timeZone, types: config.types };
  // Each body is read once: a command that changes nothing of the Overview reuses the last read.
  const parse = memoParse(options);
  const original = parse(input.body);
  const refusals: { line: string; message: string }[] = [];
  let body = input.body;
  let isReport = input.isReport;
  const rows: NewTimelineRow[] = [];
  const row = (time: DateTime, event: string, effect: Effect = "neutral"): void => {
    rows.push({ time, party: input.actor, event, effect, marker });
  };
  const now = resolveTime(null, input.now, config.timeZone);
  const nowTime = now.ok ? now.time : input.now;

  for (const { line, command } of input.commands) {
    const refuse = (message: string): void => {
      refusals.push({ line, message });
    };
    if (command.verb === "declare") {
      if (isReport) continue;
      isReport = true;
      body = declareBody(body, input, parse);
      row(nowTime, "Declared a disruption", "neutral");
      continue;
    }
    if (!isReport) {
      refuse(
        `this issue is not a disruption report (it has no \`${config.labels.report}\` label): \`/disruption declare\` makes it one`,
      );
      continue;
    }
    if (command.verb === "timeline") {
      const time = resolveTime(command.time, input.now, config.timeZone);
      if (!time.ok) refuse(time.message);
      else row(time.time, inlineMarkdown(command.text, 500), command.effect);
      continue;
    }
    if (command.verb === "timeline-sync") {
      rows.push(...(input.historyRows ?? []).filter((r) => !body.includes(rowMarker(r.marker))));
      continue;
    }
    const filled = ensureOverview(body, parse);
    if (filled === null) {
      refuse(
        "this report has no Overview table (`| Field | Value |` under `## Overview`) to write it in: add the table, or write the value there by hand",
      );
      continue;
    }
    body = filled;
    if (command.verb === "time") {
      const time = resolveTime(command.time, input.now, config.timeZone);
      if (!time.ok) {
        refuse(time.message);
        continue;
      }
      const outcome = setValue(body, command.field, formatTime(time.time), parse);
      if (!outcome.ok) refuse(outcome.message);
      else {
        body = outcome.body;
        row(time.time, META_NAMES[command.field].row, TIME_EFFECT[command.field]);
      }
    } else if (command.verb === "severity") {
      const before = parse(body).report.severity;
      body = setOverviewValue(body, "severity", describeSeverity(command.severity)) ?? body;
      row(nowTime, changed("Severity", before, command.severity));
    } else if (command.verb === "type") {
      const type = readType(command.type, config.types);
      if (!type) {
        refuse(
          `${codeSpan(command.type, 60)} is not one of this repository's types: write one of ${config.types.join(", ")}`,
        );
        continue;
      }
      const before = parse(body).report.type;
      body = setOverviewValue(body, "type", type) ?? body;
      row(nowTime, changed("Type", before, type));
    } else if (command.verb === "services") {
      const before = parse(body).report.services.join(", ");
      const after = command.services.join(", ");
      body = setOverviewValue(body, "services", after) ?? body;
      row(nowTime, changed("Services", before || null, inlineMarkdown(after, 200)));
    } else {
      refuse("this command does not change the report; write it in a comment of its own");
    }
  }
  if (refusals.length > 0) return { kind: "refused", refusals };

  const started = parse(body).times.started;
  const baseDate = started ? started.setZone(config.timeZone).toISODate() : null;
  body = insertTimelineRows(body, rows, config.timeZone, baseDate);
  // The report label is among the labels a report derives, so a declared issue gets it here.
  const planned = planIntake({
    mode: "edit",
    body,
    previousBody: null,
    labels: input.labels,
    config,
  });
  // The problems comment follows when the problems changed, as on a person's edit.
  const intake = {
    ...planned,
    syncProblems: JSON.stringify(original.problems) !== JSON.stringify(planned.problems),
  };
  const finalBody = intake.body ?? body;
  const labels = intake.labels;
  const labelsChanged = labels.add.length > 0 || labels.remove.length > 0;
  if (finalBody === input.body && !labelsChanged) return { kind: "unchanged", reason: "nothing" };
  return { kind: "write", body: finalBody, labels, intake };
}

/**
 * Sets an Overview value and refuses it when it puts a time out of order with another (the
 * parser's own message, which names both times): an order that was already broken does not
 * refuse an unrelated command.
 */
function setValue(
  body: string,
  field: MetaField,
  value: string,
  parse: (body: string) => ParsedReport,
): { ok: true; body: string } | { ok: false; message: string } {
  const next = setOverviewValue(body, field, value) ?? body;
  const before = new Set(orderProblems(parse(body)));
  const added = orderProblems(parse(next)).filter((message) => !before.has(message));
  const own = added.find((message) => message.includes(META_NAMES[field].row));
  return own
    ? { ok: false, message: own.replace(/: check both times and their zones\.$/, "") }
    : { ok: true, body: next };
}

function orderProblems(parsed: ParsedReport): string[] {
  return parsed.problems
    .filter((problem) => / is before /.test(problem.message))
    .map((problem) => problem.message);
}

/** A body in the form's shape is filled first (as the intake would); other bodies must have the table. */
function ensureOverview(body: string, parse: (body: string) => ParsedReport): string | null {
  const parsed = parse(body);
  if (parsed.shape === "canonical") return body;
  if (parsed.shape === "form") return renderFilled(parsed);
  return null;
}

/** `declare`: the body filled as the intake fills a new report, Started = the issue's creation unless written. */
function declareBody(
  body: string,
  input: CommandInput,
  parse: (body: string) => ParsedReport,
): string {
  const parsed = parse(body);
  const filled = parsed.shape === "canonical" ? body : renderFilled(parsed);
  if (parsed.rawMeta.started) return filled;
  const created = resolveTime(null, input.issueCreatedAt, input.config.timeZone);
  if (!created.ok) return filled;
  return setOverviewValue(filled, "started", formatTime(created.time)) ?? filled;
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

function changed(name: string, before: string | null, after: string): string {
  return before && before !== after
    ? `${name} changed from ${before} to ${after}`
    : `${name} set to ${after}`;
}
