import { formatDuration } from "./derive-durations.js";
import { DERIVED_ROWS, type DerivedRow } from "./field-names.js";
import type { ActionItem, Durations } from "./types.js";

/** `2 of 5 done`; dropped items are neither open nor done, so they are not counted. */
export function actionItemProgress(items: readonly ActionItem[]): string {
  const counted = items.filter((item) => !item.dropped);
  if (counted.length === 0) return "none yet";
  return `${counted.filter((item) => item.checked).length} of ${counted.length} done`;
}

/** The text of every derived row of the Overview table. */
export function renderDerivedRows(
  durations: Durations,
  items: readonly ActionItem[],
): Record<DerivedRow, string> {
  const values: Record<DerivedRow, string> = {
    Length: formatDuration(durations.lengthMinutes),
    "Time to detect": formatDuration(durations.ttdMinutes),
    "Time to acknowledge": formatDuration(durations.ttaMinutes),
    "Time to mitigate": formatDuration(durations.ttmMinutes),
    "Time to resolve": formatDuration(durations.ttrMinutes),
    "Action items": actionItemProgress(items),
  };
  return Object.fromEntries(DERIVED_ROWS.map((row) => [row, values[row]])) as Record<
    DerivedRow,
    string
  >;
}
