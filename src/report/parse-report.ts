import type { DateTime } from "luxon";
import type { Table } from "mdast";
import { DEFAULT_TYPES } from "../config/config.js";
import { codeSpan } from "../markdown/neutralise.js";
import { deriveDurations } from "./derive-durations.js";
import { META_NAMES, SECTION_ORDER } from "./field-names.js";
import { rowsAfterComment, unclosedComment } from "./hidden-by-comment.js";
import { isAppPlaceholder, isEmptyContent, normalizeNewlines } from "./markdown.js";
import { parseActionItems } from "./parse-action-items.js";
import { ACCEPTED_TIME_FORMATS, isoTime, parseTime } from "./parse-time.js";
import { readFieldTexts } from "./read-field-texts.js";
import { readStructure, type StructurePath } from "./read-structure.js";
import {
  readCustomerImpact,
  readList,
  readSeverity,
  readType,
  stripInlineMarkup,
} from "./read-values.js";
import { type Block, blockText } from "./section-scope.js";
import {
  type MetaField,
  type ParsedReport,
  type Problem,
  type Report,
  type Section,
  TIME_FIELDS,
  type TimeField,
} from "./types.js";

export interface ParseOptions {
  /** IANA zone for times typed without one. Default UTC. */
  timeZone?: string;
  /** The types the repository offers. Default: docs/definitions.md's list. */
  types?: readonly string[];
}

/** Time fields a report cannot do without; acknowledged and mitigated are optional, resolved may be pending. */
const REQUIRED_TIMES: readonly TimeField[] = ["started", "detected"];

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
  const timeZone = options.timeZone ?? "UTC";
  const types = options.types ?? DEFAULT_TYPES;
  const structure = readStructure(body, path);
  const { shape, blocks, table } = structure;
  const { raw: rawMeta, repeated } = readFieldTexts(body, table, blocks);
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
  const value = (field: MetaField): string => stripInlineMarkup(rawMeta[field] ?? "");

  const services = readList(rawMeta.services ?? "");
  if (services.length === 0) {
    problems.push({
      field: "services",
      message: `${META_NAMES.services.row} is missing: list the services that were disrupted, comma-separated (e.g. \`api, checkout\`).`,
    });
  }

  let type: string | null = null;
  if (value("type") === "") {
    problems.push({ field: "type", message: `Type is missing: write one of ${types.join(", ")}.` });
  } else {
    type = readType(value("type"), types);
    if (!type) {
      problems.push({
        field: "type",
        message: `Type ${codeSpan(value("type"))} is not one of this repository's types: write one of ${types.join(", ")}.`,
      });
    }
  }

  const severity = readSeverity(value("severity"));
  if (!severity) {
    problems.push({
      field: "severity",
      message:
        value("severity") === ""
          ? "Severity is missing: write SEV1 (complete outage) to SEV5 (false alarm)."
          : `Severity ${codeSpan(value("severity"))} could not be read: write SEV1 (complete outage) to SEV5 (false alarm).`,
    });
  }

  const times = {} as Record<TimeField, DateTime | null>;
  for (const field of TIME_FIELDS) {
    times[field] = null;
    const text = value(field);
    const name = META_NAMES[field].row;
    if (text === "") {
      if (REQUIRED_TIMES.includes(field)) {
        problems.push({
          field,
          message: `${name} is missing: write it as ${ACCEPTED_TIME_FORMATS}.`,
        });
      }
      continue;
    }
    const result = parseTime(text, timeZone);
    if (result.ok) times[field] = result.time;
    else
      problems.push({
        field,
        message: `${name}: ${result.message}. Write it as ${ACCEPTED_TIME_FORMATS}.`,
      });
  }

  const customerText = value("customerImpact");
  const customerImpact = readCustomerImpact(customerText);
  if (customerText !== "" && !customerImpact) {
    problems.push({
      field: "customerImpact",
      message: `Customer impact ${codeSpan(customerText)} could not be read: write Yes, No or Unknown.`,
    });
  }

  const sections = collectSections(body, blocks, table);
  const summarySection = sections.find((section) => section.name === "Summary");
  const summary = summarySection && !summarySection.empty ? summarySection.content : null;
  if (!summary) {
    problems.push({
      field: "summary",
      message:
        "Summary is missing: say in a few sentences what happened and who was affected, for a reader outside the team.",
    });
  }

  const derived = deriveDurations(times);
  problems.push(...derived.problems);
  const actions = parseActionItems(body, structure);
  problems.push(...actions.problems);

  const report: Report = {
    services,
    type,
    severity,
    started: times.started ? isoTime(times.started) : null,
    detected: times.detected ? isoTime(times.detected) : null,
    acknowledged: times.acknowledged ? isoTime(times.acknowledged) : null,
    mitigated: times.mitigated ? isoTime(times.mitigated) : null,
    resolved: times.resolved ? isoTime(times.resolved) : null,
    peopleInvolved: readList(rawMeta.peopleInvolved ?? ""),
    incidentCommander: value("incidentCommander") || null,
    customerImpact,
    summary,
  };
  return {
    shape,
    report,
    times,
    durations: derived.durations,
    actionItems: actions.items,
    actionItemSource: actions.source,
    rawMeta,
    sections,
    problems,
    layout: { body, table, blocks },
  };
}

/**
 * The sections of the body, known ones in canonical order (each once, with the content of every
 * block of that name joined), then unknown ones in the order written. Text before the first
 * heading belongs to the summary.
 */
function collectSections(body: string, blocks: readonly Block[], table: Table | null): Section[] {
  const contents = new Map<string, string[]>();
  const add = (name: string, text: string): void => {
    // Only the form's and the app's placeholders go: an author's comment is kept.
    if (isAppPlaceholder(text)) return;
    const texts = contents.get(name);
    if (texts) texts.push(text);
    else contents.set(name, [text]);
  };
  const unknown: string[] = [];
  for (const block of blocks) {
    const text = blockText(body, block) + closing(block.closer);
    if (block.kind === "section" && block.name === "Overview")
      add("Overview", besideTable(body, block, table));
    else if (block.kind === "preamble") add("Summary", text);
    else if (block.kind === "section") add(block.name, text);
    else if (block.kind === "unknown") {
      if (!unknown.includes(block.title)) unknown.push(block.title);
      add(`unknown:${block.title}`, text);
    }
  }
  const section = (name: string, known: boolean, key: string): Section => {
    const content = (contents.get(key) ?? []).join("\n\n");
    return { name, known, content, empty: isEmptyContent(content) };
  };
  const known = SECTION_ORDER.map((name) => section(name, true, name));
  const others = unknown.map((title) => section(title, false, `unknown:${title}`));
  return [...known, ...others];
}

/** What the author wrote under the Overview heading besides the Overview table (kept below the table). */
function besideTable(body: string, block: Block, table: Table | null): string {
  const text = blockText(body, block) + closing(block.closer);
  if (!table) return text;
  const start = table.position?.start.offset ?? -1;
  const end = table.position?.end.offset ?? -1;
  if (start < block.contentStart || end > block.contentEnd) return text;
  const before = normalizeNewlines(body.slice(block.contentStart, start)).trim();
  const after = normalizeNewlines(body.slice(end, block.contentEnd)).trim() + closing(block.closer);
  return [before, after.trim()].filter((part) => part !== "").join("\n\n");
}

/** An open fence or HTML block at the end of a section is closed, so it cannot swallow the next section. */
function closing(closer: string): string {
  return closer === "" ? "" : `\n${closer}`;
}
