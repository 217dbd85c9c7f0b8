import type { DateTime } from "luxon";
import { isTableDelimiterRow } from "../report/markdown.js";
import { parseTime } from "../report/parse-time.js";
import { tableCells } from "./scan-template-body.js";

/** One timeline entry a template holds: when, and what happened. */
export interface TimelineEntry {
  time: DateTime;
  text: string;
}

const ZONE = String.raw`(?:Z|UTC|GMT|[ECMP][SD]?T|CES?T|BST|[+-]\d{2}:?\d{2}|[A-Za-z]+\/[A-Za-z_]+)`;
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
/** A line that opens with a time: `- 12:40: …`, `[2026-10-14 09:12 UTC] - …`, `2026-10-14T09:12Z …`. */
const TIMED_LINE = new RegExp(
  String.raw`^\s*(?:[-*+]\s+|\d+[.)]\s+)?\[?((?:\d{4}-\d{2}-\d{2}[ T])?${CLOCK}(?:\s*${ZONE}(?![A-Za-z]))?)\]?\s*[-–—:|]?\s*(.*)$`,
);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ZONE_IN_HEADER = /\(([^)]+)\)/;

/**
 * The timed entries of a timeline section, in the order written: the rows of its table (the
 * first cell is the time; a header such as `Time (UTC)` gives the zone) or its lines that open
 * with a time. A time without a date (`12:40`) takes the date of the entry before it, or `date`.
 * An entry whose time does not read is left out: the report's own fields say what is missing.
 */
export function readTemplateTimeline(
  content: string,
  options: { timeZone: string; date: string | null },
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let zone = options.timeZone;
  let date = options.date && DATE.test(options.date) ? options.date : null;
  let header = true;
  for (const line of content.split("\n")) {
    const row = line.includes("|") ? tableCells(line) : null;
    if (row && isTableDelimiterRow(line)) continue;
    if (row && header) {
      header = false;
      const named = ZONE_IN_HEADER.exec(row[0] ?? "")?.[1];
      if (named && parseTime(`2000-01-01 00:00 ${named}`, "UTC").ok) {
        zone = named;
        continue;
      }
    }
    const match = TIMED_LINE.exec(row ? `${row[0] ?? ""} ${row.slice(1).join(" ")}` : line);
    if (!match) continue;
    const stamp = match[1] ?? "";
    const dated = /^\d{4}-/.test(stamp);
    if (dated) date = stamp.slice(0, 10);
    if (!date) continue;
    const read = parseTime(dated ? stamp : `${date} ${stamp}`, zone);
    if (read.ok) entries.push({ time: read.time, text: (match[2] ?? "").trim() });
  }
  return entries;
}

const DETECTED =
  /\b(?:paged?|pages|alert(?:ed|s)?|detected|detects|noticed?|notices|reported|reports|identified)\b/i;
const RESOLVED = /\b(?:resolved|recovered|back up|back online|all clear|ended|fixed|restored)\b/i;

/**
 * The times a person reads off a timeline: Started is its first entry, Detected the first that
 * says it was noticed (paged, alerted, detected, reported…), Resolved the first that says it
 * ended (resolved, recovered, back up, all clear…).
 */
export function timelineTimes(entries: readonly TimelineEntry[]): {
  started: DateTime | null;
  detected: DateTime | null;
  resolved: DateTime | null;
} {
  const resolved = entries.find((entry) => RESOLVED.test(entry.text));
  return {
    started: entries[0]?.time ?? null,
    detected: entries.find((entry) => DETECTED.test(entry.text))?.time ?? null,
    resolved: resolved?.time ?? null,
  };
}
