import type { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { codeSpan, inlineMarkdown } from "../markdown/neutralise.js";
import { META_NAMES } from "../report/field-names.js";
import { renderFilled } from "../report/fill-report.js";
import { formatTime } from "../report/parse-time.js";
import { readType } from "../report/read-values.js";
import { setOverviewValue } from "../report/set-overview-value.js";
import { describeSeverity } from "../report/severity-scale.js";
import type { MetaField, ParsedReport } from "../report/types.js";
import { resolveTime } from "../timeline/resolve-time.js";
import { type Effect, type NewTimelineRow, rowMarker } from "../timeline/timeline-row.js";
import type { Command, CommandTimeField } from "./parse-command.js";

/** What the commands of one comment have made of the issue so far. */
export interface Draft {
  body: string;
  isReport: boolean;
  /** The timeline rows to insert once every command is applied. */
  rows: readonly NewTimelineRow[];
}

/** What every command may read besides the draft. */
export interface StepContext {
  config: Config;
  /** When the comment was written, as given: what a command's time is read against. */
  written: DateTime;
  /** The same, to the minute in the repository's zone: the time of a row without one. */
  now: DateTime;
  /** When the issue was opened: the Started time `declare` writes when the body has none. */
  issueCreatedAt: DateTime;
  historyRows: readonly NewTimelineRow[];
  /** `parseReport` with the repository's options, keeping its last reads. */
  parse: (body: string) => ParsedReport;
  /** A row by the commenter, marked with the comment's id. */
  row: (time: DateTime, event: string, effect?: Effect) => NewTimelineRow;
}

/** A command applied: the draft after it, and why it was refused when it was. */
export interface Applied {
  draft: Draft;
  refusal?: string;
}

type Verb = Command["verb"];
type CommandOf<V extends Verb> = Extract<Command, { verb: V }>;

/** What a command needs before it applies: nothing, a report, or a report with its Overview table. */
type Needs = "nothing" | "report" | "overview";

type Step<V extends Verb> = {
  needs: Needs;
  apply: (command: CommandOf<V>, draft: Draft, context: StepContext) => Applied;
};

/**
 * Every command and what it does to the body: one function a command. A command that does not
 * change the body (`close`, `report`, `track`, `summary`) is refused when it shares a comment
 * with body commands.
 */
const STEPS: { [V in Verb]: Step<V> } = {
  declare: { needs: "nothing", apply: declare },
  timeline: { needs: "report", apply: addTimelineRow },
  "timeline-sync": { needs: "report", apply: addHistoryRows },
  time: { needs: "overview", apply: setTime },
  severity: { needs: "overview", apply: setSeverity },
  type: { needs: "overview", apply: setType },
  services: { needs: "overview", apply: setServices },
  close: { needs: "overview", apply: notABodyCommand },
  report: { needs: "overview", apply: notABodyCommand },
  track: { needs: "overview", apply: notABodyCommand },
  summary: { needs: "overview", apply: notABodyCommand },
};

/**
 * Applies one command to the draft: refused on an issue that is not a report (but `declare`), or
 * without an Overview table to write in; a body in the form's shape is filled first.
 */
export function applyCommand<V extends Verb>(
  command: CommandOf<V>,
  draft: Draft,
  context: StepContext,
): Applied {
  const step: Step<V> = STEPS[command.verb];
  if (step.needs !== "nothing" && !draft.isReport) {
    return { draft, refusal: notAReport(context.config) };
  }
  if (step.needs !== "overview") return step.apply(command, draft, context);
  const filled = ensureOverview(draft.body, context.parse);
  if (filled === null) return { draft, refusal: NO_OVERVIEW };
  return step.apply(command, { ...draft, body: filled }, context);
}

const NO_OVERVIEW =
  "this report has no Overview table (`| Field | Value |` under `## Overview`) to write it in: add the table, or write the value there by hand";

function notAReport(config: Config): string {
  return `this issue is not a disruption report (it has no \`${config.labels.report}\` label): \`/disruption declare\` makes it one`;
}

/** How each lifecycle time counts for recovery, for its timeline row. */
const TIME_EFFECT: Record<CommandTimeField, Effect> = {
  detected: "neutral",
  acknowledged: "neutral",
  mitigated: "positive",
  resolved: "positive",
};

/** `declare`: the body filled as the intake fills a new report; a report already is left alone. */
function declare(_: CommandOf<"declare">, draft: Draft, context: StepContext): Applied {
  if (draft.isReport) return { draft };
  const body = declareBody(draft.body, context);
  const row = context.row(context.now, "Declared a disruption", "neutral");
  return { draft: { body, isReport: true, rows: [...draft.rows, row] } };
}

/** `timeline [TIME] TEXT [+|-]`: a row at the time given (now when omitted). */
function addTimelineRow(
  command: CommandOf<"timeline">,
  draft: Draft,
  context: StepContext,
): Applied {
  const time = resolveTime(command.time, context.written, context.config.timeZone);
  if (!time.ok) return { draft, refusal: time.message };
  const row = context.row(time.time, inlineMarkdown(command.text, 500), command.effect);
  return { draft: { ...draft, rows: [...draft.rows, row] } };
}

/** `timeline sync`: the issue's history, but the rows the body holds already. */
function addHistoryRows(
  _: CommandOf<"timeline-sync">,
  draft: Draft,
  context: StepContext,
): Applied {
  const rows = context.historyRows.filter((row) => !draft.body.includes(rowMarker(row.marker)));
  return { draft: { ...draft, rows: [...draft.rows, ...rows] } };
}

/** `detected` … `resolved [TIME]`: the Overview time set, and its row. */
function setTime(command: CommandOf<"time">, draft: Draft, context: StepContext): Applied {
  const time = resolveTime(command.time, context.written, context.config.timeZone);
  if (!time.ok) return { draft, refusal: time.message };
  const outcome = setValue(draft.body, command.field, formatTime(time.time), context.parse);
  if (!outcome.ok) return { draft, refusal: outcome.message };
  const event = META_NAMES[command.field].row;
  const row = context.row(time.time, event, TIME_EFFECT[command.field]);
  return { draft: { ...draft, body: outcome.body, rows: [...draft.rows, row] } };
}

function setSeverity(command: CommandOf<"severity">, draft: Draft, context: StepContext): Applied {
  const before = context.parse(draft.body).report.severity;
  const value = describeSeverity(command.severity);
  const body = setOverviewValue(draft.body, "severity", value) ?? draft.body;
  return written(draft, body, context, changed("Severity", before, command.severity));
}

function setType(command: CommandOf<"type">, draft: Draft, context: StepContext): Applied {
  const { types } = context.config;
  const type = readType(command.type, types);
  if (!type) {
    const refusal = `${codeSpan(command.type, 60)} is not one of this repository's types: write one of ${types.join(", ")}`;
    return { draft, refusal };
  }
  const before = context.parse(draft.body).report.type;
  const body = setOverviewValue(draft.body, "type", type) ?? draft.body;
  return written(draft, body, context, changed("Type", before, type));
}

function setServices(command: CommandOf<"services">, draft: Draft, context: StepContext): Applied {
  const before = context.parse(draft.body).report.services.join(", ");
  const after = command.services.join(", ");
  const body = setOverviewValue(draft.body, "services", after) ?? draft.body;
  const event = changed("Services", before || null, inlineMarkdown(after, 200));
  return written(draft, body, context, event);
}

function notABodyCommand(_: Command, draft: Draft): Applied {
  return {
    draft,
    refusal: "this command does not change the report; write it in a comment of its own",
  };
}

/** The draft with its new body and a row, now, saying what changed. */
function written(draft: Draft, body: string, context: StepContext, event: string): Applied {
  return { draft: { ...draft, body, rows: [...draft.rows, context.row(context.now, event)] } };
}

function changed(name: string, before: string | null, after: string): string {
  return before && before !== after
    ? `${name} changed from ${before} to ${after}`
    : `${name} set to ${after}`;
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
function declareBody(body: string, context: StepContext): string {
  const parsed = context.parse(body);
  const filled = parsed.shape === "canonical" ? body : renderFilled(parsed);
  if (parsed.rawMeta.started) return filled;
  const created = resolveTime(null, context.issueCreatedAt, context.config.timeZone);
  if (!created.ok) return filled;
  return setOverviewValue(filled, "started", formatTime(created.time)) ?? filled;
}
