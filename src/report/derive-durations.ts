import type { DateTime } from "luxon";
import { META_NAMES } from "./field-names.js";
import { formatTime } from "./parse-time.js";
import type { Durations, Problem, TimeField } from "./types.js";

/** Each duration and the pair of times it stands on (docs/definitions.md, "Times and durations"). */
const DURATION_PAIRS: { key: keyof Durations; from: TimeField; to: TimeField }[] = [
  { key: "lengthMinutes", from: "started", to: "resolved" },
  { key: "ttdMinutes", from: "started", to: "detected" },
  { key: "ttaMinutes", from: "detected", to: "acknowledged" },
  { key: "ttmMinutes", from: "detected", to: "mitigated" },
  { key: "ttrMinutes", from: "detected", to: "resolved" },
];

/**
 * Derives the durations in minutes. A pair out of order gives an empty duration and a problem
 * for the author; the other durations still count.
 */
export function deriveDurations(times: Record<TimeField, DateTime | null>): {
  durations: Durations;
  problems: Problem[];
} {
  const durations: Durations = {
    lengthMinutes: null,
    ttdMinutes: null,
    ttaMinutes: null,
    ttmMinutes: null,
    ttrMinutes: null,
  };
  const problems: Problem[] = [];
  for (const { key, from, to } of DURATION_PAIRS) {
    const start = times[from];
    const end = times[to];
    if (!start || !end) continue;
    // What luxon's `end.diff(start, "minutes").minutes` computes, the same float (a diff in one
    // unit below days is the milliseconds over 60,000), without its Duration objects: a fifth of
    // reading a report's times at 100,000 reports.
    const minutes = (end.toMillis() - start.toMillis()) / 60_000;
    if (minutes < 0) {
      // Report each out-of-order pair once, even when two durations share it.
      if (
        !problems.some(
          (problem) => problem.field === to && problem.message.includes(META_NAMES[from].row),
        )
      ) {
        problems.push({
          field: to,
          message: `${META_NAMES[to].row} (${formatTime(end)}) is before ${META_NAMES[from].row} (${formatTime(start)}): check both times and their zones.`,
        });
      }
      continue;
    }
    durations[key] = Math.round(minutes * 1000) / 1000;
  }
  return { durations, problems };
}

/** A duration as people read it: `45 min`, `1 h 25 min`, `2 d 3 h 10 min`. */
export function formatDuration(minutes: number | null): string {
  if (minutes === null) return "";
  const total = Math.round(minutes);
  if (total < 1) return minutes === 0 ? "0 min" : "< 1 min";
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (mins > 0) parts.push(`${mins} min`);
  return parts.join(" ");
}
