import { SECTION_ORDER } from "../report/field-names.js";
import { formatTime } from "../report/parse-time.js";
import { readTimeline, type TimelineLocation } from "./read-timeline.js";
import { type NewTimelineRow, rowMarker } from "./timeline-row.js";

const TIMELINE_TABLE_HEADER = "| Time | Party | Event | Effect |\n| --- | --- | --- | --- |";

/**
 * Adds rows to the Timeline table, each in time order: after the last row whose time is not later
 * than its own (a row whose time cannot be read orders nothing). No row already there is changed
 * or moved. A Timeline without the table gets it below what is written there; a body without a
 * Timeline gets the section, before the sections the report lists after it.
 *
 * @param baseDate the report's Started day (`2026-11-20`), the date of rows that give only a clock time
 */
export function insertTimelineRows(
  body: string,
  rows: readonly NewTimelineRow[],
  zone: string,
  baseDate: string | null,
): string {
  if (rows.length === 0) return body;
  const newline = body.includes("\r\n") ? "\r\n" : "\n";
  // Earlier first; rows of the same instant keep the order they were given in.
  const sorted = [...rows].sort((a, b) => a.time.toMillis() - b.time.toMillis());
  const { section, blocks, table } = readTimeline(body, zone, baseDate);
  if (table) {
    const inserts = sorted.map((row) => ({
      at: insertionPoint(table, row),
      line: renderTimelineRow(row),
    }));
    let next = body;
    // From the end of the body backwards, so each offset still points where it did; rows that
    // share a point go in together, in time order.
    for (let index = inserts.length - 1; index >= 0; ) {
      const at = inserts[index]?.at ?? 0;
      let first = index;
      while (first > 0 && inserts[first - 1]?.at === at) first -= 1;
      const lines = inserts.slice(first, index + 1).map((insert) => `${newline}${insert.line}`);
      next = `${next.slice(0, at)}${lines.join("")}${next.slice(at)}`;
      index = first - 1;
    }
    return next;
  }
  const tableText = [TIMELINE_TABLE_HEADER, ...sorted.map(renderTimelineRow)]
    .join("\n")
    .replace(/\n/g, newline);
  if (section) {
    // Below whatever the section holds (free text, a hint), nothing of it moved.
    const content = body.slice(section.contentStart, section.contentEnd);
    return splice(body, section.contentStart + content.trimEnd().length, tableText, newline);
  }
  const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf("Timeline") + 1);
  const following = blocks.find((block) => block.kind === "section" && later.includes(block.name));
  const depth = following && following.kind === "section" ? following.depth : 2;
  const sectionText = `${"#".repeat(depth)} Timeline${newline}${newline}${tableText}`;
  if (following) {
    return `${body.slice(0, following.start)}${sectionText}${newline}${newline}${body.slice(following.start)}`;
  }
  return splice(body, body.trimEnd().length, sectionText, newline);
}

/**
 * Where a row goes: after the last row whose time is not later than its own; earlier than every
 * timed row, before the first of them (rows without a time above it stay above).
 */
function insertionPoint(
  table: NonNullable<TimelineLocation["table"]>,
  row: NewTimelineRow,
): number {
  const { rows } = table;
  let after = -1;
  for (const [index, existing] of rows.entries()) {
    if (existing.time && existing.time.toMillis() <= row.time.toMillis()) after = index;
  }
  if (after === -1) {
    const first = rows.findIndex((existing) => existing.time !== null);
    after = first === -1 ? rows.length - 1 : first - 1;
  }
  return after === -1 ? table.delimiterEnd : (rows[after]?.end ?? table.delimiterEnd);
}

/** The markdown of a row the app adds: the marker hides in the Effect cell. */
function renderTimelineRow(row: NewTimelineRow): string {
  return `| ${formatTime(row.time)} | ${row.party} | ${row.event} | ${row.effect} ${rowMarker(row.marker)} |`;
}

/** Puts a block of markdown at `at`, with a blank line before it and after it. */
function splice(body: string, at: number, text: string, newline: string): string {
  const before = body.slice(0, at);
  const after = body.slice(at);
  const lead = before === "" ? "" : newline.repeat(before.endsWith("\n") ? 1 : 2);
  const rest = after.replace(/^[ \t]*\r?\n?/, "");
  const trail = rest.trim() === "" ? newline : `${newline}${newline}`;
  const tail = rest.trim() === "" ? "" : rest.replace(/^(\r?\n)+/, "");
  return `${before}${lead}${text}${trail}${tail}`;
}
