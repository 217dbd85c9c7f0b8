import type { Config } from "../config/config.js";
import { parseReport } from "../report/parse-report.js";
import { insertTimelineRows } from "./insert-timeline-rows.js";
import { type NewTimelineRow, rowMarker } from "./timeline-row.js";

/**
 * The body with the history rows it does not hold yet, each in time order, or null when it holds
 * them all. A row is known by its marker (`<!-- dr:sync=… -->`), wherever it stands and however a
 * person edited the rest of it, so a sync never adds a row twice and never changes one.
 *
 * @example syncTimeline(body, historyRows(history, config), config) // null on a second sync
 */
export function syncTimeline(
  body: string,
  rows: readonly NewTimelineRow[],
  config: Pick<Config, "timeZone" | "types">,
): string | null {
  const missing = rows.filter((row) => !body.includes(rowMarker(row.marker)));
  if (missing.length === 0) return null;
  const { started } = parseReport(body, { timeZone: config.timeZone, types: config.types }).times;
  const baseDate = started ? started.setZone(config.timeZone).toISODate() : null;
  return insertTimelineRows(body, missing, config.timeZone, baseDate);
}
