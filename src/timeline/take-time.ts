import { parseTime } from "../report/parse-time.js";

/**
 * A time typed at the start of a command: a clock time (`14:05`, read as today in the report's
 * zone, or yesterday when that is later than the comment) or a full time as the report parser
 * reads it (`2026-11-20 14:05`, `2026-11-20T14:05:30Z`), either followed by a zone when it has
 * one (`14:05 Europe/Berlin`, `14:05 PST`, `2026-11-20 14:05 +01:00`).
 */
export type TimeSpec = { kind: "clock" | "full"; text: string };

const DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const DATE_TIME = /^\d{4}-\d{1,2}-\d{1,2}T\d{1,2}:\d{2}/i;
const CLOCK = /^\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?Z?$/i;

/**
 * Splits a leading time off command text: `14:05 rollback started +` gives the time `14:05` and
 * the rest `rollback started +`. No leading time gives `time: null` and the whole text. A zone
 * word after the time is taken when the report parser reads it as a zone, or when it looks like
 * one it refuses (`IST`, `Asia/Nowhere`, `+25:00`), so that a mistyped zone is an error rather
 * than the start of the text. Returns a message when a date has no time.
 */
export function takeTime(text: string): { time: TimeSpec | null; rest: string } | string {
  const words = [...text.matchAll(/\S+/g)];
  const first = words[0]?.[0] ?? "";
  let count: number;
  let kind: TimeSpec["kind"];
  if (DATE_TIME.test(first)) {
    count = 1;
    kind = "full";
  } else if (DATE.test(first)) {
    if (!CLOCK.test(words[1]?.[0] ?? ""))
      return `\`${first}\` needs a time of day: write \`${first} 14:05\``;
    count = 2;
    kind = "full";
  } else if (CLOCK.test(first)) {
    count = 1;
    kind = "clock";
  } else {
    return { time: null, rest: text.trim() };
  }
  const next = words[count]?.[0];
  if (next !== undefined && !/z$/i.test(words[count - 1]?.[0] ?? "") && isZoneWord(next))
    count += 1;
  const last = words[count - 1];
  const end = (last?.index ?? 0) + (last?.[0].length ?? 0);
  return { time: { kind, text: text.slice(0, end).trim() }, rest: text.slice(end).trim() };
}

/** A word the parser reads as a zone, or one shaped like a zone (so that its error is shown). */
function isZoneWord(word: string): boolean {
  if (parseTime(`2000-01-01 00:00 ${word}`, "UTC").ok) return true;
  return (
    /^[A-Z]{1,4}T$/.test(word) ||
    /^(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?$/i.test(word) ||
    /^[A-Z][A-Za-z_]+\/[A-Z][A-Za-z_/+-]*$/.test(word)
  );
}
