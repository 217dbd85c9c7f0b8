import type { DateTime } from "luxon";
import { deriveDurations } from "../report/derive-durations.js";
import { parseActionItems } from "../report/parse-action-items.js";
import { type ParseOptions, parseReport } from "../report/parse-report.js";
import { isoTime } from "../report/parse-time.js";
import { readStructure } from "../report/read-structure.js";
import {
  META_FIELDS,
  type MetaField,
  type ParsedReport,
  type Problem,
  TIME_FIELDS,
  type TimeField,
} from "../report/types.js";
import {
  type IssueFacts,
  readTemplateFields,
  type TemplateReading,
} from "./read-template-fields.js";
import type { MappedSection, TemplateMapping } from "./template-mapping.js";

/** A report read through a template: the parsed report, and where each field came from. */
export interface TemplateParse {
  parsed: ParsedReport;
  reading: TemplateReading;
  mapping: TemplateMapping;
}

/**
 * Reads a body written in a team's own template: each field where `mapping` says it lives
 * (`Key: value` lines, table rows, headings, the issue itself, the timeline, the template's
 * defaults), anything else as the app reads any body (an Overview table the app added wins only
 * where the team's text says nothing). Never throws: what is missing is in `problems`, named with
 * the template's own keys.
 */
export function parseWithTemplate(
  body: string,
  mapping: TemplateMapping,
  options: ParseOptions & { issue?: IssueFacts | undefined } = {},
): TemplateParse {
  const timeZone = options.timeZone ?? "UTC";
  const base = parseReport(body, options);
  const reading = readTemplateFields(body, mapping, {
    timeZone,
    types: options.types ?? [],
    issue: options.issue,
  });
  const times = {} as Record<TimeField, DateTime | null>;
  for (const field of TIME_FIELDS) times[field] = reading.times[field] ?? base.times[field];
  const derived = deriveDurations(times);
  const sections = base.sections.map((section) => {
    const content = reading.sections[section.name as MappedSection];
    return content === undefined ? section : { ...section, content, empty: false };
  });
  const summary = sections.find((section) => section.name === "Summary");
  const actions = actionItemsOf(base, reading);
  const { report } = base;
  const parsed: ParsedReport = {
    ...base,
    report: {
      ...report,
      services: reading.services ?? report.services,
      type: reading.type ?? (reading.unreadable.type ? null : report.type),
      severity: reading.severity ?? (reading.unreadable.severity ? null : report.severity),
      started: iso(times.started),
      detected: iso(times.detected),
      acknowledged: iso(times.acknowledged),
      mitigated: iso(times.mitigated),
      resolved: iso(times.resolved),
      peopleInvolved: reading.people.length > 0 ? reading.people : report.peopleInvolved,
      incidentCommander: reading.incidentCommander ?? report.incidentCommander,
      customerImpact: reading.customerImpact ?? report.customerImpact,
      summary: summary && !summary.empty ? summary.content : null,
    },
    times,
    durations: derived.durations,
    actionItems: actions.actionItems,
    actionItemSource: actions.actionItemSource,
    rawMeta: { ...base.rawMeta, ...reading.raw },
    sections,
    problems: [],
  };
  parsed.problems = [
    ...problemsOf(parsed, base, reading, mapping, derived.problems),
    ...actions.problems,
  ];
  return { parsed, reading, mapping };
}

function iso(time: DateTime | null): string | null {
  return time ? isoTime(time) : null;
}

/** The items under the template's action-items heading; the app's own reading without one. */
function actionItemsOf(
  base: ParsedReport,
  reading: TemplateReading,
): Pick<ParsedReport, "actionItems" | "actionItemSource"> & { problems: Problem[] } {
  const content = reading.sections["Action items"];
  if (content === undefined)
    return {
      actionItems: base.actionItems,
      actionItemSource: base.actionItemSource,
      problems: base.problems.filter((problem) => problem.field === "action items"),
    };
  const read = parseActionItems(content, readStructure(content));
  return { actionItems: read.items, actionItemSource: "heading", problems: read.problems };
}

const REQUIRED: readonly MetaField[] = ["services", "type", "severity", "started", "detected"];

/**
 * The problems of a template report: each required field that no key, heading, issue time or
 * default gave, and each text that did not read, named with the template's first key for it;
 * then the problems that are not about fields (durations out of order, action items).
 */
function problemsOf(
  parsed: ParsedReport,
  base: ParsedReport,
  reading: TemplateReading,
  mapping: TemplateMapping,
  durationProblems: Problem[],
): Problem[] {
  const problems: Problem[] = [];
  const key = (field: MetaField) => mapping.fields[field]?.[0] ?? field;
  for (const field of META_FIELDS) {
    const text = reading.unreadable[field];
    if (text !== undefined)
      problems.push({
        field,
        message: `${key(field)}: \`${text.slice(0, 80)}\` could not be read.`,
      });
    else if (REQUIRED.includes(field) && isMissing(parsed, field))
      problems.push({
        field,
        message: `${key(field)} is missing: write \`${key(field)}: …\` (template \`${mapping.name}\`).`,
      });
  }
  if (!parsed.report.summary)
    problems.push({
      field: "summary",
      message: `Summary is missing: write it under \`## ${mapping.sections.Summary?.[0] ?? "Summary"}\`.`,
    });
  const fieldNames = new Set<string>([...META_FIELDS, "summary", "action items"]);
  const others = base.problems.filter((problem) => !fieldNames.has(problem.field));
  return [...problems, ...durationProblems, ...others];
}

function isMissing(parsed: ParsedReport, field: MetaField): boolean {
  const value = (parsed.report as unknown as Record<string, unknown>)[field];
  return value === null || (Array.isArray(value) && value.length === 0);
}
