import { isoTime } from "../report/parse-time.js";
import { type ReportRecord, recordTime } from "./read-report-record.js";
import type { Repeat } from "./types.js";

/** How close two disruptions of the same service and type must be to count as a repeat. */
export const REPEAT_WINDOW_DAYS = 90;

type Dated = ReportRecord & { started: number; type: string };

/**
 * The service and type pairs that failed again: a disruption of the period repeats when another
 * disruption of the same service and type started at most {@link REPEAT_WINDOW_DAYS} days before
 * it (earlier in the period, or in the trailing 90 days before it). Each pair lists the period's
 * repeating disruptions and the ones they repeat, oldest first; pairs with the most disruptions
 * first. Reports without a type or a readable Started are not compared.
 *
 * @param months the period's months, `YYYY-MM`, compared with the records' `month`.
 * @param timeZone the zone the records were read in: 90 days are counted on its calendar.
 */
export function findRepeats(
  records: readonly ReportRecord[],
  months: readonly string[],
  timeZone: string,
): Repeat[] {
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
    const listed = repeating(ordered, inPeriod, timeZone);
    if (listed.length < 2) continue;
    repeats.push({
      service: pair.service,
      type: pair.type,
      disruptions: listed.map((record) => ({
        issue: record.issue,
        started: isoTime(recordTime(record.started, timeZone)),
      })),
    });
  }
  return repeats.sort(
    (a, b) =>
      b.disruptions.length - a.disruptions.length ||
      compare(a.service, b.service) ||
      compare(a.type, b.type),
  );
}

/**
 * Of one pair's records, by Started: those of the period that started at most
 * {@link REPEAT_WINDOW_DAYS} days (on the calendar of `timeZone`) after an earlier one, and those
 * earlier ones. The earlier records within a record's window are a run ending just before it,
 * found by binary search and marked in a difference array: linear in the records, where
 * comparing each with every earlier one in its window was quadratic in a busy pair.
 */
function repeating(
  ordered: readonly Dated[],
  inPeriod: ReadonlySet<string>,
  timeZone: string,
): Dated[] {
  const marks = new Int32Array(ordered.length + 1);
  ordered.forEach((record, index) => {
    if (index === 0 || !inPeriod.has(record.month ?? "")) return;
    const from = recordTime(record.started, timeZone)
      .minus({ days: REPEAT_WINDOW_DAYS })
      .toMillis();
    const first = firstAtOrAfter(ordered, from, index);
    if (first === index) return;
    marks[first] = (marks[first] ?? 0) + 1;
    marks[index + 1] = (marks[index + 1] ?? 0) - 1;
  });
  const listed: Dated[] = [];
  let open = 0;
  ordered.forEach((record, index) => {
    open += marks[index] ?? 0;
    if (open > 0) listed.push(record);
  });
  return listed;
}

/** The first index before `end` whose record started at or after `time` (`end` when none did). */
function firstAtOrAfter(ordered: readonly Dated[], time: number, end: number): number {
  let low = 0;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ordered[middle]?.started ?? 0) < time) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isDated(record: ReportRecord): record is Dated {
  return record.started !== null && record.type !== null;
}

function byStarted(a: Dated, b: Dated): number {
  return a.started - b.started || a.issue.number - b.issue.number;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
