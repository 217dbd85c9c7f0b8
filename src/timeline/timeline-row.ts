import type { DateTime } from "luxon";

/** A timeline entry's effect on recovery (docs/definitions.md: positive, negative or neutral). */
export type Effect = "positive" | "negative" | "neutral";

/** A row the app adds to the Timeline table. */
export interface NewTimelineRow {
  time: DateTime;
  /** Who or what was involved: a login (written without `@`, so nobody is notified) or `GitHub`. */
  party: string;
  /** What happened, as markdown for one cell (already made safe: see `safeCellText`). */
  event: string;
  effect: Effect;
  /**
   * The hidden marker that says where the row came from (`c=<comment id>` for a command,
   * `sync=<event>` for the history), so that it is never added twice.
   */
  marker: string;
}

/** The hidden HTML comment the app puts in the Effect cell of each row it adds. */
export function rowMarker(marker: string): string {
  return `<!-- dr:${marker} -->`;
}

/** The marker of the rows a command comment adds. */
export function commentMarker(commentId: number): string {
  return `c=${commentId}`;
}
