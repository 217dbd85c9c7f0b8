/** How the monthly report writes its numbers: `—` for "no value", durations as people read them. */

import { formatDuration } from "../report/derive-durations.js";

/** A duration as people read it (`1 h 25 min`), or `—`. */
export function duration(minutes: number | null): string {
  return minutes === null ? "—" : formatDuration(minutes);
}

/** A sum of minutes: the number, and the readable form when it is an hour or more. */
export function minutes(total: number | null): string {
  if (total === null) return "—";
  const plain = `${Math.round(total)} min`;
  return total >= 60 ? `${plain} (${formatDuration(total)})` : plain;
}

/** A figure as it is, or `—`. */
export function number(value: number | null): string {
  return value === null ? "—" : String(value);
}

/** `2026-10-25 02:30` from the ISO time in the report zone (the zone is named above the table). */
export function localTime(iso: string | null): string {
  if (!iso) return "—";
  return iso.slice(0, 16).replace("T", " ");
}
