import type { DateTime } from "luxon";
import { parseTime, type TimeResult } from "../report/parse-time.js";
import type { TimeSpec } from "./take-time.js";

/**
 * The instant a command's time names, read by the report parser's rules in the report's zone.
 * No time is `now` (to the minute). A clock time is today in its zone, or yesterday when today's
 * would be later than `now`. A time later than `now` is refused: a command records what happened.
 *
 * @example resolveTime({ kind: "clock", text: "23:50" }, DateTime.fromISO("2026-11-21T00:10Z"), "UTC")
 * // → 2026-11-20 23:50 UTC
 */
export function resolveTime(spec: TimeSpec | null, now: DateTime, zone: string): TimeResult {
  if (spec === null) return nowInZone(now, zone);
  let result: TimeResult;
  if (spec.kind === "full") {
    result = parseTime(spec.text, zone);
  } else {
    const today = now.setZone(zone).toISODate() ?? "";
    result = parseTime(`${today} ${spec.text}`, zone);
    // A clock time with its own zone is today in that zone.
    if (result.ok) {
      const day = now.setZone(result.time.zone).toISODate() ?? "";
      if (day !== today) result = parseTime(`${day} ${spec.text}`, zone);
    }
    if (result.ok && result.time > now) {
      const yesterday = result.time.minus({ days: 1 }).toISODate() ?? "";
      result = parseTime(`${yesterday} ${spec.text}`, zone);
    }
  }
  if (result.ok && result.time.toMillis() > now.toMillis()) {
    return {
      ok: false,
      message: `\`${spec.text}\` is later than the comment; a command records what has happened`,
    };
  }
  return result;
}

/** `now` in the report's zone, to the minute, written as the parser reads it back. */
function nowInZone(now: DateTime, zone: string): TimeResult {
  const local = now.setZone(zone);
  const clock = local.toFormat("yyyy-MM-dd HH:mm");
  const read = parseTime(clock, zone);
  // A wall time that happens twice (the clocks moved back) is named by its offset.
  return read.ok ? read : parseTime(`${clock} ${local.toFormat("ZZ")}`, zone);
}
