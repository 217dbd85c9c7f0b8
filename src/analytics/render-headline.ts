import { formatDuration } from "../report/derive-durations.js";
import { duration, minutes } from "./format-figures.js";
import { table } from "./markdown-text.js";
import { periodName, periodOf } from "./period.js";
import type { Headline } from "./types.js";

type Row = [string, string, string, string];

/**
 * The headline figures of a period beside the previous one's, with the change: `+3`, `−12 min`,
 * `±0`, or `—` when either month has no value.
 */
export function renderHeadline(current: Headline, previous: Headline): string {
  const rows: Row[] = [
    count("Disruptions", current.disruptions, previous.disruptions),
    count("SEV1 and SEV2", current.severe, previous.severe),
    total("Minutes of disruption", current.minutesOfDisruption, previous.minutesOfDisruption),
    time("Median time to detect", current.medianTtd, previous.medianTtd),
    time("Median time to mitigate", current.medianTtm, previous.medianTtm),
    time("Median time to resolve", current.medianTtr, previous.medianTtr),
  ];
  return table(
    ["", periodName(periodOf(current.month)), periodName(periodOf(previous.month)), "Change"],
    rows,
    [1, 2, 3],
  );
}

function count(name: string, now: number, before: number): Row {
  const change = now - before;
  return [
    name,
    String(now),
    String(before),
    change === 0 ? "±0" : signed(change, String(Math.abs(change))),
  ];
}

function time(name: string, now: number | null, before: number | null): Row {
  const change =
    now === null || before === null
      ? "—"
      : now === before
        ? "±0"
        : signed(now - before, formatDuration(Math.abs(now - before)));
  return [name, duration(now), duration(before), change];
}

function total(name: string, now: number | null, before: number | null): Row {
  const change =
    now === null || before === null
      ? "—"
      : Math.round(now) === Math.round(before)
        ? "±0"
        : signed(now - before, `${Math.abs(Math.round(now) - Math.round(before))} min`);
  return [name, minutes(now), minutes(before), change];
}

function signed(change: number, magnitude: string): string {
  return `${change > 0 ? "+" : "−"}${magnitude}`;
}
