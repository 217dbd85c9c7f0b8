import { addMonths, isMonth, monthName } from "./month.js";

/** How long a report's period is. */
export type PeriodKind = "month" | "quarter" | "year";

/**
 * A month (`2026-10`), a quarter (`2026-Q3`) or a year (`2026`) of the calendar, read in the
 * report's time zone.
 */
export interface Period {
  kind: PeriodKind;
  /** As written in the figures, the marker and the command: `2026-10`, `2026-Q3`, `2026`. */
  key: string;
  /** The months it holds, `YYYY-MM`, oldest first. */
  months: string[];
}

/** A period written in none of the three forms was given. */
class InvalidPeriod extends Error {
  override name = "InvalidPeriod";
  constructor(readonly period: string) {
    super(
      `\`${period}\` is not a period: write a month (2026-10), a quarter (2026-Q3) or a year (2026).`,
    );
  }
}

const QUARTER = /^(\d{4})-[Qq]([1-4])$/;
const YEAR = /^(\d{4})$/;

/**
 * Reads a period, or null when the text is none.
 *
 * @example parsePeriod("2026-q3") // { kind: "quarter", key: "2026-Q3", months: ["2026-07", "2026-08", "2026-09"] }
 */
export function parsePeriod(text: string): Period | null {
  const trimmed = text.trim();
  if (isMonth(trimmed)) return { kind: "month", key: trimmed, months: [trimmed] };
  const quarter = QUARTER.exec(trimmed);
  if (quarter) {
    const first = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, "0")}`;
    return { kind: "quarter", key: `${quarter[1]}-Q${quarter[2]}`, months: span(first, 3) };
  }
  const year = YEAR.exec(trimmed);
  if (year) return { kind: "year", key: trimmed, months: span(`${trimmed}-01`, 12) };
  return null;
}

/** {@link parsePeriod}, throwing {@link InvalidPeriod} for text that is no period. */
export function periodOf(text: string): Period {
  const period = parsePeriod(text);
  if (!period) throw new InvalidPeriod(text);
  return period;
}

/** The period of the same kind just before: `2026-Q1` → `2025-Q4`. */
export function previousPeriod(period: Period): Period {
  const first = period.months[0] ?? "";
  return periodOf(keyOf(period.kind, addMonths(first, -period.months.length)));
}

/** The period of a kind that holds a month: `periodContaining("quarter", "2026-11")` is `2026-Q4`. */
export function periodContaining(kind: PeriodKind, month: string): Period {
  return periodOf(keyOf(kind, month));
}

/** `October 2026`, `Q3 2026 (July–September)`, `2026`. */
export function periodName(period: Period): string {
  if (period.kind === "month") return monthName(period.key);
  if (period.kind === "year") return period.key;
  const first = monthName(period.months[0] ?? "").split(" ")[0];
  const last = monthName(period.months.at(-1) ?? "").split(" ")[0];
  return `${period.key.slice(5)} ${period.key.slice(0, 4)} (${first}–${last})`;
}

function keyOf(kind: PeriodKind, month: string): string {
  if (kind === "month") return month;
  if (kind === "year") return month.slice(0, 4);
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

function span(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addMonths(first, index));
}
