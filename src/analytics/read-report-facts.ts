import type { DateTime } from "luxon";
import type { Config } from "../config/config.js";
import { knownSectionContent } from "../report/collect-sections.js";
import { deriveDurations } from "../report/derive-durations.js";
import { isEmptyContent } from "../report/markdown.js";
import { parseActionItems } from "../report/parse-action-items.js";
import { layoutProblems } from "../report/parse-report.js";
import { readFieldTexts } from "../report/read-field-texts.js";
import { readTimes } from "../report/read-meta.js";
import { readStructure } from "../report/read-structure.js";
import {
  readCustomerImpact,
  readList,
  readSeverity,
  readType,
  stripInlineMarkup,
} from "../report/read-values.js";
import type {
  ActionItem,
  CustomerImpact,
  Durations,
  MetaField,
  Severity,
  TimeField,
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
  // The first problem parseReport names for Started: the layout's (written twice, a comment left
  // open at the end) come before the time's own.
  const startedProblem = [...layoutProblems(body, structure, repeated), ...read.problems].find(
    (problem) => problem.field === "started",
  );
  return {
    services: readList(raw.services ?? ""),
    type: typeText === "" ? null : readType(typeText, config.types),
    severity: readSeverity(value("severity")),
    customerImpact: readCustomerImpact(value("customerImpact")),
    times: read.times,
    durations: deriveDurations(read.times).durations,
    actionItems: parseActionItems(body, structure).items,
    lessonsEmpty: isEmptyContent(knownSectionContent(body, blocks, "Lessons")),
    startedProblem: startedProblem?.message ?? null,
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
