import type { DateTime } from "luxon";
import { isoTime } from "../report/parse-time.js";
import type { ReportRecord } from "./read-report-record.js";
import type { Repeat } from "./types.js";

/** How close two disruptions of the same service and type must be to count as a repeat. */
export const REPEAT_WINDOW_DAYS = 90;

type Dated = ReportRecord & { started: DateTime; type: string };

/**
 * The service and type pairs that failed again: a disruption of the period repeats when another
 * disruption of the same service and type started at most {@link REPEAT_WINDOW_DAYS} days before
 * it (earlier in the period, or in the trailing 90 days before it). Each pair lists the period's
 * repeating disruptions and the ones they repeat, oldest first; pairs with the most disruptions
 * first. Reports without a type or a readable Started are not compared.
 *
 * @param months the period's months, `YYYY-MM`, compared with the records' `month`.
 */
export function findRepeats(records: readonly ReportRecord[], months: readonly string[]): Repeat[] {
  const inPeriod = new Set(months);
  const pairs = new Map<string, { service: string; type: string; records: Dated[] }>();
  for (const record of records) {
    if (!isDated(record)) continue;
    for (const service of record.services) {
      const key = `${service}\u0000${record.type}`;
      const pair = pairs.get(key) ?? { service, type: record.type, records: [] };
      pair.records.push(record);
      pairs.set(key, pair);
    }
  }
  const repeats: Repeat[] = [];
  for (const pair of pairs.values()) {
    if (pair.records.length < 2 || !pair.records.some((record) => inPeriod.has(record.month ?? "")))
      continue;
    const ordered = [...pair.records].sort(byStarted);
    const listed = new Set<Dated>();
    ordered.forEach((record, index) => {
      if (!inPeriod.has(record.month ?? "")) return;
      const from = record.started.minus({ days: REPEAT_WINDOW_DAYS });
      for (let earlier = index - 1; earlier >= 0; earlier -= 1) {
        const other = ordered[earlier];
        if (!other || other.started < from) break;
        listed.add(other);
        listed.add(record);
      }
    });
    if (listed.size < 2) continue;
    repeats.push({
      service: pair.service,
      type: pair.type,
      disruptions: ordered
        .filter((record) => listed.has(record))
        .map((record) => ({ issue: record.issue, started: isoTime(record.started) })),
    });
  }
  return repeats.sort(
    (a, b) =>
      b.disruptions.length - a.disruptions.length ||
      compare(a.service, b.service) ||
      compare(a.type, b.type),
  );
}

function isDated(record: ReportRecord): record is Dated {
  return record.started !== null && record.type !== null;
}

function byStarted(a: Dated, b: Dated): number {
  return a.started.toMillis() - b.started.toMillis() || a.issue.number - b.issue.number;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
