import { DEFAULT_TYPES } from "../config/config.js";
import { collectSections } from "./collect-sections.js";
import { deriveDurations } from "./derive-durations.js";
import { META_NAMES } from "./field-names.js";
import { rowsAfterComment, unclosedComment } from "./hidden-by-comment.js";
import { parseActionItems } from "./parse-action-items.js";
import { readFieldTexts } from "./read-field-texts.js";
import { readMeta } from "./read-meta.js";
import { type BodyStructure, readStructure, type StructurePath } from "./read-structure.js";
import type { MetaField, ParsedReport, Problem, Section } from "./types.js";

export interface ParseOptions {
  /** IANA zone for times typed without one. Default UTC. */
  timeZone?: string;
  /** The types the repository offers. Default: docs/definitions.md's list. */
  types?: readonly string[];
}

/**
 * Reads a report body in any of its shapes (a rendered issue form, the canonical filled report, or
 * free text). Never throws: what it could not read is in `problems`, each with what to write.
 *
 * @example
 * parseReport("### Affected services\n\napi\n\n### Started at\n\n2026-11-20 14:05", { timeZone: "Europe/Berlin" })
 */
export function parseReport(body: string, options: ParseOptions = {}): ParsedReport {
  return readReport(body, options, "auto");
}

/**
 * `parseReport` with the body's structure read the way `path` says: "document" parses the whole
 * body even where the line scanner is sure of it. For tests, which compare the two paths.
 */
export function readReport(
  body: string,
  options: ParseOptions,
  path: "auto" | StructurePath,
): ParsedReport {
  const structure = readStructure(body, path);
  const { shape, blocks, table } = structure;
  const { raw: rawMeta, repeated } = readFieldTexts(body, table, blocks);
  const meta = readMeta(rawMeta, options.timeZone ?? "UTC", options.types ?? DEFAULT_TYPES);
  const sections = collectSections(body, blocks, table);
  const summary = summaryOf(sections);
  const derived = deriveDurations(meta.times);
  const actions = parseActionItems(body, structure);
  const problems = [
    ...layoutProblems(body, structure, repeated),
    ...meta.problems,
    ...(summary ? [] : [SUMMARY_MISSING]),
    ...derived.problems,
    ...actions.problems,
  ];
  return {
    shape,
    report: { ...meta.values, summary },
    times: meta.times,
    durations: derived.durations,
    actionItems: actions.items,
    actionItemSource: actions.source,
    rawMeta,
    sections,
    problems,
    layout: { body, table, blocks, path: structure.path },
  };
}

/**
 * What the body's layout hides or doubles: a field written twice with different values, Overview
 * rows after a commented-out one, an HTML comment left open at the end.
 */
export function layoutProblems(
  body: string,
  { blocks, table }: BodyStructure,
  repeated: readonly MetaField[],
): Problem[] {
  const problems: Problem[] = repeated.map((field) => ({
    field,
    message: `${META_NAMES[field].row} is written more than once with different values: keep one.`,
  }));
  const last = blocks[blocks.length - 1];
  const lastTitle = last && last.kind !== "preamble" ? last.title : "the text";
  for (const problem of [
    rowsAfterComment(body, table),
    unclosedComment(last?.closer ?? "", lastTitle),
  ]) {
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The summary the author wrote (the Summary section, or the text before the first heading), or null. */
function summaryOf(sections: readonly Section[]): string | null {
  const section = sections.find((candidate) => candidate.name === "Summary");
  return section && !section.empty ? section.content : null;
}

const SUMMARY_MISSING: Problem = {
  field: "summary",
  message:
    "Summary is missing: say in a few sentences what happened and who was affected, for a reader outside the team.",
};
