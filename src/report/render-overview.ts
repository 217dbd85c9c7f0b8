import type { DateTime } from "luxon";
import { DERIVED_ROWS, META_NAMES } from "./field-names.js";
import { formatTime, parseTime } from "./parse-time.js";
import { readList, stripInlineMarkup } from "./read-values.js";
import { renderDerivedRows } from "./render-derived.js";
import { describeSeverity } from "./severity-scale.js";
import { cell } from "./table-cell.js";
import {
  META_FIELDS,
  type MetaField,
  type ParsedReport,
  TIME_FIELDS,
  type TimeField,
} from "./types.js";

/**
 * The Overview table's lines: a row for every meta field with the value the report holds, then
 * the derived rows. A field the author wrote under a heading of its own keeps that text exactly
 * (`verbatim`), so the body does not hold two spellings of one value.
 */
export function renderOverviewTable(
  parsed: ParsedReport,
  verbatim: ReadonlySet<MetaField> = new Set(),
): string[] {
  const out = ["| Field | Value |", "| --- | --- |"];
  for (const field of META_FIELDS) {
    const value = verbatim.has(field) ? (parsed.rawMeta[field] ?? "") : metaValue(parsed, field);
    out.push(`| ${META_NAMES[field].row} | ${cell(value)} |`);
  }
  const derived = renderDerivedRows(parsed.durations, parsed.actionItems);
  for (const row of DERIVED_ROWS) out.push(`| ${row} | ${cell(derived[row])} |`);
  return out;
}

/**
 * The Overview cell of a meta field. The canonical spelling is used only when it keeps every line
 * the author wrote (it may add to them: a zone, the severity's meaning); otherwise the author's
 * text stays as written.
 */
function metaValue(parsed: ParsedReport, field: MetaField): string {
  const raw = parsed.rawMeta[field] ?? "";
  // Too many lines to check: the author's text stays, and the canonical value is not even built.
  if (lineCountOver(raw, MAX_CHECKED_LINES)) return raw;
  const candidate = canonicalValue(parsed, field, raw);
  return candidate !== null && keepsEveryLine(raw, candidate) ? candidate : raw;
}

function canonicalValue(parsed: ParsedReport, field: MetaField, raw: string): string | null {
  const { report } = parsed;
  if ((TIME_FIELDS as readonly string[]).includes(field)) {
    const time = parsed.times[field as TimeField];
    if (!time) return null;
    // A time typed without a zone is shown back with the zone it was read in.
    const typed = stripInlineMarkup(raw);
    return hasZone(typed) ? raw : `${typed} ${zoneLabel(time)}`;
  }
  switch (field) {
    case "services":
      return joinedList(report.services);
    case "peopleInvolved":
      return joinedList(report.peopleInvolved);
    case "type":
      return report.type;
    case "severity":
      return report.severity ? describeSeverity(report.severity) : null;
    case "customerImpact":
      return report.customerImpact ? capitalize(report.customerImpact) : null;
    default:
      return null;
  }
}

/** `api, checkout`, when it reads back as the same list (a bracket left open could join items). */
function joinedList(items: readonly string[]): string | null {
  if (items.length === 0) return null;
  const joined = items.join(", ");
  const again = readList(joined);
  return again.length === items.length && again.every((item, index) => item === items[index])
    ? joined
    : null;
}

/** Lists longer than this keep the author's text (checking every line would cost their product). */
const MAX_CHECKED_LINES = 200;

/** True when the text has more than `max` lines, found without splitting it. */
function lineCountOver(text: string, max: number): boolean {
  let at = -1;
  for (let count = 1; count <= max; count += 1) {
    at = text.indexOf("\n", at + 1);
    if (at === -1) return false;
  }
  return true;
}

function keepsEveryLine(raw: string, candidate: string): boolean {
  return raw
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim())
    .every((line) => line === "" || candidate.includes(line));
}

/** True when the text names its own zone: it reads as the same instant whatever the default zone. */
function hasZone(raw: string): boolean {
  const east = parseTime(raw, "Etc/GMT-14");
  const west = parseTime(raw, "UTC");
  return east.ok && west.ok && east.time.toMillis() === west.time.toMillis();
}

function zoneLabel(time: DateTime): string {
  return formatTime(time).split(" ").slice(2).join(" ");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
