import type { DateTime } from "luxon";
import { DERIVED_ROWS, META_NAMES, SECTION_ORDER, type SectionName } from "./field-names.js";
import { type ParseOptions, parseReport } from "./parse-report.js";
import { formatTime, parseTime } from "./parse-time.js";
import { readList, stripInlineMarkup } from "./read-values.js";
import { renderDerivedRows } from "./render-derived.js";
import { describeSeverity } from "./severity-scale.js";
import {
  META_FIELDS,
  type MetaField,
  type ParsedReport,
  TIME_FIELDS,
  type TimeField,
} from "./types.js";

/** Hints shown (as HTML comments, invisible on GitHub) in sections nobody has written yet. */
const HINTS: Partial<Record<SectionName, string>> = {
  Summary: "What happened and who was affected, in words a non-engineer reads.",
  Timeline:
    "One row per event: time (with zone), who or what was involved, what happened, and whether it helped recovery (positive / negative / neutral).",
  "Contributing factors":
    "What made this possible? There is never a single root cause; five whys welcome. How was it fixed?",
  "What went well": "Process, safeguards, tools that helped.",
  "What went poorly": "Process gaps, cascading failures, missing alerts.",
  Lessons: "At least three key learnings.",
  "Action items":
    "- [ ] @owner what (due 2026-12-01): one task item each, so the app can track them.",
  "Supporting documentation": "Links: chat logs, bug reports, dashboards, screenshots.",
};

const TIMELINE_HEADER = "| Time | Party | Event | Effect |\n| --- | --- | --- | --- |";

/**
 * The canonical filled report for a body in any shape: every form answer carried into the
 * Overview table and sections, derived rows computed, and nothing the author wrote lost (text
 * that maps to no field stays under the heading it came from).
 * `parseReport(fillReport(body)).report` equals `parseReport(body).report`.
 */
export function fillReport(body: string, options: ParseOptions = {}): string {
  return renderFilled(parseReport(body, options));
}

/** Renders an already parsed report as the canonical body. */
export function renderFilled(parsed: ParsedReport): string {
  const out: string[] = ["## Overview", "", "| Field | Value |", "| --- | --- |"];
  for (const field of META_FIELDS) {
    out.push(`| ${META_NAMES[field].row} | ${cell(metaValue(parsed, field))} |`);
  }
  const derived = renderDerivedRows(parsed.durations, parsed.actionItems);
  for (const row of DERIVED_ROWS) out.push(`| ${row} | ${cell(derived[row])} |`);

  const content = new Map(parsed.sections.map((section) => [section.name, section.content]));
  // What the author wrote under the Overview heading besides the table stays under it.
  const overview = content.get("Overview") ?? "";
  if (overview) out.push("", overview);
  for (const name of SECTION_ORDER) {
    if (name === "Overview") continue;
    // Task items counted from anywhere in a body without an action-items heading stay where the
    // author wrote them; an empty heading would stop them counting.
    if (
      name === "Action items" &&
      parsed.actionItemSource === "anywhere" &&
      parsed.actionItems.length > 0
    )
      continue;
    const isSub = name === "What went well" || name === "What went poorly" || name === "Lessons";
    out.push("", `${isSub ? "###" : "##"} ${name}`, "");
    const text = content.get(name) ?? "";
    if (name === "Retrospective") {
      if (text) out.push(text);
      else out.pop();
      continue;
    }
    if (text) out.push(text);
    else if (name === "Timeline") out.push(TIMELINE_HEADER, "", `<!-- ${HINTS.Timeline} -->`);
    else out.push(`<!-- ${HINTS[name] ?? ""} -->`);
  }
  for (const section of parsed.sections.filter((s) => !s.known)) {
    out.push("", `## ${section.name}`);
    if (section.content) out.push("", section.content);
  }
  return `${out.join("\n")}\n`;
}

/**
 * The Overview cell of a meta field. The canonical spelling is used only when it keeps every line
 * the author wrote (it may add to them: a zone, the severity's meaning); otherwise the author's
 * text stays as written.
 */
function metaValue(parsed: ParsedReport, field: MetaField): string {
  const raw = parsed.rawMeta[field] ?? "";
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

/** A value as a GFM table cell: pipes escaped, line breaks as `<br>`. */
export function cell(text: string): string {
  return text.replace(/\\\|/g, "|").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
