import type { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { deriveDurations } from "../report/derive-durations.js";
import { META_NAMES } from "../report/field-names.js";
import { unclosedComment } from "../report/hidden-by-comment.js";
import { isAppPlaceholder, isEmptyContent } from "../report/markdown.js";
import { parseActionItems } from "../report/parse-action-items.js";
import { ACCEPTED_TIME_FORMATS, parseTime } from "../report/parse-time.js";
import { readFieldTexts } from "../report/read-field-texts.js";
import { readStructure } from "../report/read-structure.js";
import {
  readCustomerImpact,
  readList,
  readSeverity,
  readType,
  stripInlineMarkup,
} from "../report/read-values.js";
import { type Block, blockText } from "../report/section-scope.js";
import {
  type ActionItem,
  type CustomerImpact,
  type Durations,
  type MetaField,
  type Severity,
  TIME_FIELDS,
  type TimeField,
} from "../report/types.js";
import { readReportWithConfig } from "../templates/read-report-with-config.js";
import { resolveTemplate } from "../templates/template-config.js";
import type { AnalyticsIssue } from "./analytics-issue.js";

/** What the analytics read of a report body: a part of what `parseReport` reads, the same values. */
export interface ReportFacts {
  services: string[];
  type: string | null;
  severity: Severity | null;
  customerImpact: CustomerImpact | null;
  times: Record<TimeField, DateTime | null>;
  durations: Durations;
  actionItems: ActionItem[];
  /** The Lessons section is empty or missing. */
  lessonsEmpty: boolean;
  /** The first problem `parseReport` names for Started, or null. */
  startedProblem: string | null;
}

/**
 * Reads what the analytics need of a report's body, through the config's template when it has
 * one (`readReportWithConfig`, the whole parse). A body in the app's own shapes is read with the
 * parser's own steps (structure, field texts, values, times, durations, action items) and only
 * those: not the other sections' texts, the Overview's hidden rows, or the problems of the other
 * fields, which the analytics never show (a quarter of the parse at 100,000 reports). The values
 * equal `parseReport`'s: test/analytics/read-report-facts.test.ts compares them on every golden
 * body and on generated ones.
 */
export function readReportFacts(
  issue: AnalyticsIssue,
  options: { timeZone: string; config: Config },
): ReportFacts {
  const config = { ...options.config, timeZone: options.timeZone };
  if (resolveTemplate(config.template)) return viaParse(issue, config);
  const { body } = issue;
  const structure = readStructure(body);
  const { blocks, table } = structure;
  const { raw, repeated } = readFieldTexts(body, table, blocks);
  const value = (field: MetaField): string => stripInlineMarkup(raw[field] ?? "");
  const typeText = value("type");
  const read = readTimes(value, options.timeZone);
  return {
    services: readList(raw.services ?? ""),
    type: typeText === "" ? null : readType(typeText, config.types),
    severity: readSeverity(value("severity")),
    customerImpact: readCustomerImpact(value("customerImpact")),
    times: read.times,
    durations: deriveDurations(read.times).durations,
    actionItems: parseActionItems(body, structure).items,
    lessonsEmpty: lessonsEmpty(body, blocks),
    startedProblem: repeated.includes("started")
      ? `${META_NAMES.started.row} is written more than once with different values: keep one.`
      : (unclosedProblem(blocks, "started") ?? read.startedProblem),
  };
}

function viaParse(issue: AnalyticsIssue, config: Config): ReportFacts {
  const { parsed } = readReportWithConfig(issue.body, config, {
    title: issue.title,
    createdAt: issue.createdAt,
    closedAt: issue.closedAt,
  });
  const { report } = parsed;
  return {
    services: report.services,
    type: report.type,
    severity: report.severity,
    customerImpact: report.customerImpact,
    times: parsed.times,
    durations: parsed.durations,
    actionItems: parsed.actionItems,
    lessonsEmpty: parsed.sections.find((section) => section.name === "Lessons")?.empty ?? true,
    startedProblem: parsed.problems.find((problem) => problem.field === "started")?.message ?? null,
  };
}

/** Each time field read as `parseReport` reads it, and the problem of Started (missing, unreadable). */
function readTimes(
  value: (field: MetaField) => string,
  timeZone: string,
): { times: Record<TimeField, DateTime | null>; startedProblem: string | null } {
  const times = {} as Record<TimeField, DateTime | null>;
  let startedProblem: string | null = null;
  for (const field of TIME_FIELDS) {
    times[field] = null;
    const text = value(field);
    const name = META_NAMES[field].row;
    if (text === "") {
      if (field === "started")
        startedProblem = `${name} is missing: write it as ${ACCEPTED_TIME_FORMATS}.`;
      continue;
    }
    const result = parseTime(text, timeZone);
    if (result.ok) times[field] = result.time;
    else if (field === "started")
      startedProblem = `${name}: ${result.message}. Write it as ${ACCEPTED_TIME_FORMATS}.`;
  }
  return { times, startedProblem };
}

/** The unclosed comment or fence at the end of the body, when `parseReport` names it for `field`. */
function unclosedProblem(blocks: readonly Block[], field: string): string | null {
  const last = blocks[blocks.length - 1];
  const title = last && last.kind !== "preamble" ? last.title : "the text";
  const problem = unclosedComment(last?.closer ?? "", title);
  return problem?.field === field ? problem.message : null;
}

/** Whether the Lessons section is empty, as `parseReport`'s sections say (every Lessons block joined). */
function lessonsEmpty(body: string, blocks: readonly Block[]): boolean {
  const texts: string[] = [];
  for (const block of blocks) {
    if (block.kind !== "section" || block.name !== "Lessons") continue;
    const text = blockText(body, block) + (block.closer === "" ? "" : `\n${block.closer}`);
    // Only the form's and the app's placeholders go: an author's comment is kept.
    if (!isAppPlaceholder(text)) texts.push(text);
  }
  return isEmptyContent(texts.join("\n\n"));
}
