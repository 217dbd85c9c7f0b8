import { DateTime } from "luxon";
import { normalizeName } from "../report/field-names.js";
import { parseTime } from "../report/parse-time.js";
import { readStructure } from "../report/read-structure.js";
import { stripInlineMarkup } from "../report/read-values.js";
import type { Block } from "../report/section-scope.js";

/** A row of the Timeline table, where it lies in the body and the instant its Time cell names. */
interface TimelineTableRow {
  /** Offset of the row's first character and of its line end (before the line break). */
  start: number;
  end: number;
  cells: string[];
  /** The instant of the Time cell, or null when it cannot be read (the row then orders nothing). */
  time: DateTime | null;
}

/** Where the Timeline section and its table lie in a body. */
export interface TimelineLocation {
  /** The Timeline section, or null when the body has none. */
  section: Extract<Block, { kind: "section" }> | null;
  /** The blocks of the body, for placing a new section. */
  blocks: Block[];
  /** The table, or null when the section holds none (free text, or nothing yet). */
  table: { headerStart: number; delimiterEnd: number; rows: TimelineTableRow[] } | null;
}

const HEADER_NAMES = [
  ["time", "timestamp", "when"],
  ["party", "party involved", "who"],
  ["event", "description", "what happened", "what"],
  ["effect", "effect on recovery", "impact"],
];
const DELIMITER = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*){3}\|?\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOCK_ONLY = /^\d{1,2}:\d{2}(?::\d{2})?(?:\s.*)?$/;

/**
 * Finds the Timeline section and, in it, the timeline table (`| Time | Party | Event | Effect |`,
 * the filled report's header; `Timestamp`, `Who`, `Description` and `Impact` are read too). A
 * table in a code block is text. Each row's time is read by the report parser's rules in `zone`;
 * a row with only a clock time (`14:05`) takes the date of the row above it, or `baseDate`
 * (the report's Started day) for the first, and the next day when it is earlier than the row
 * above it (a timeline that runs past midnight).
 */
export function readTimeline(
  body: string,
  zone: string,
  baseDate: string | null,
): TimelineLocation {
  const { blocks } = readStructure(body);
  const section =
    blocks.find(
      (block): block is Extract<Block, { kind: "section" }> =>
        block.kind === "section" && block.name === "Timeline",
    ) ?? null;
  if (!section) return { section, blocks, table: null };
  const lines = linesOf(body, section.contentStart, section.contentEnd);
  let fence: string | null = null;
  for (const [index, line] of lines.entries()) {
    const text = body.slice(line.start, line.end);
    const open = FENCE.exec(text)?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length) fence = null;
      continue;
    }
    if (open) {
      fence = open;
      continue;
    }
    const next = lines[index + 1];
    if (!isHeader(text) || !next || !DELIMITER.test(body.slice(next.start, next.end))) continue;
    const rows: TimelineTableRow[] = [];
    let date = baseDate;
    let previous: DateTime | null = null;
    for (const row of lines.slice(index + 2)) {
      const rowText = body.slice(row.start, row.end);
      if (rowText.trim() === "") break;
      const cells = splitCells(rowText);
      let time = readRowTime(cells[0] ?? "", zone, date);
      // A clock time earlier than the row above it is past midnight: the next day.
      if (time && previous && date && time < previous && isClockOnly(cells[0] ?? "")) {
        time = readRowTime(
          cells[0] ?? "",
          zone,
          DateTime.fromISO(date).plus({ days: 1 }).toISODate(),
        );
      }
      if (time) previous = time;
      // The next clock-only row is on this row's day in the report's zone.
      if (time) date = time.setZone(zone).toISODate();
      rows.push({ start: row.start, end: row.end, cells, time });
    }
    return { section, blocks, table: { headerStart: line.start, delimiterEnd: next.end, rows } };
  }
  return { section, blocks, table: null };
}

function isHeader(line: string): boolean {
  const cells = splitCells(line).map(normalizeName);
  return (
    cells.length === HEADER_NAMES.length &&
    cells.every((cell, index) => HEADER_NAMES[index]?.includes(cell))
  );
}

/** The cells of a table row: split at pipes that are not escaped, outer pipes dropped. */
function splitCells(line: string): string[] {
  const cells = line.trim().split(/(?<!\\)\|/);
  if (cells[0]?.trim() === "") cells.shift();
  if (cells.length > 0 && cells[cells.length - 1]?.trim() === "") cells.pop();
  return cells.map((cell) => cell.trim());
}

/**
 * Row times already read, by zone, date and cell text. Reading a time in a named zone asks `Intl`
 * for its offsets, which costs more than the rest of reading a row; a timeline is read again on
 * every command with the same rows, so the answers are kept (a bounded number of them).
 */
const rowTimes = new Map<string, DateTime | null>();
const ROW_TIMES_KEPT = 5_000;

function readRowTime(cell: string, zone: string, date: string | null): DateTime | null {
  const key = `${zone}\u0000${date ?? ""}\u0000${cell}`;
  const known = rowTimes.get(key);
  if (known !== undefined) return known;
  const time = readRowTimeOnce(cell, zone, date);
  if (rowTimes.size >= ROW_TIMES_KEPT) rowTimes.delete(rowTimes.keys().next().value as string);
  rowTimes.set(key, time);
  return time;
}

function isClockOnly(cell: string): boolean {
  return CLOCK_ONLY.test(stripInlineMarkup(cell.replace(/<!--[\s\S]*?-->/g, "")));
}

function readRowTimeOnce(cell: string, zone: string, date: string | null): DateTime | null {
  const text = stripInlineMarkup(cell.replace(/<!--[\s\S]*?-->/g, ""));
  if (text === "") return null;
  const full = parseTime(text, zone);
  if (full.ok) return full.time;
  if (date && CLOCK_ONLY.test(text)) {
    const clock = parseTime(`${date} ${text}`, zone);
    if (clock.ok) return clock.time;
  }
  return null;
}

function linesOf(body: string, start: number, end: number): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let at = start;
  while (at < end) {
    let stop = body.indexOf("\n", at);
    if (stop === -1 || stop > end) stop = end;
    const lineEnd = stop > at && body[stop - 1] === "\r" ? stop - 1 : stop;
    lines.push({ start: at, end: lineEnd });
    at = stop + 1;
  }
  return lines;
}
