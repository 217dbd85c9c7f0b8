import { span, type Truth } from "./generate-reports.js";
import { isoDate, isoMonth, type LocalParts, localParts, wallToInstant } from "./zone-clock.js";

/**
 * The figures of a period computed a second way, straight from docs/definitions.md ("The figures
 * of the analytics issue") over the generated truth: instants in milliseconds, local time from
 * `Intl`, plain arrays. Nothing here imports the analytics code.
 */

type Summary = { median: number; p90: number; mean: number } | null;

const round = (minutes: number): number => Math.round(minutes * 10) / 10;
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function summary(values: (number | null)[]): Summary {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = known.length;
  if (n === 0) return null;
  const median =
    n % 2
      ? (known[(n - 1) / 2] as number)
      : ((known[n / 2 - 1] as number) + (known[n / 2] as number)) / 2;
  // Nearest rank: the ⌈0.9·n⌉-th smallest value.
  const p90 = known[Math.ceil((9 * n) / 10) - 1] as number;
  const mean = known.reduce((sum, v) => sum + v, 0) / n;
  return { median: round(median), p90: round(p90), mean: round(mean) };
}

const medianOf = (values: (number | null)[]): number | null => summary(values)?.median ?? null;

function sumOf(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : round(known.reduce((sum, v) => sum + v, 0));
}

const phases = (t: Truth) => ({
  ttd: span(t.started, t.detected),
  tta: span(t.detected, t.acknowledged),
  ttm: span(t.detected, t.mitigated),
  ttr: span(t.detected, t.resolved),
  length: span(t.started, t.resolved),
});

/** The months of `2026-10`, `2026-Q4` or `2026`; the same length just before; 12 ending with it. */
function periodMonths(period: string): {
  months: string[];
  previous: string[];
  trend: string[];
} {
  const year = Number(period.slice(0, 4));
  const first =
    period.length === 4
      ? 1
      : period[5] === "Q"
        ? (Number(period[6]) - 1) * 3 + 1
        : Number(period.slice(5));
  const length = period.length === 4 ? 12 : period[5] === "Q" ? 3 : 1;
  const month = (offset: number): string => {
    const total = year * 12 + first - 1 + offset;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
  };
  const range = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => month(from + i));
  return {
    months: range(0, length),
    previous: range(-length, length),
    trend: range(length - 12, 12),
  };
}

function count<T>(items: T[], key: (item: T) => string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) for (const k of key(item)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
}

function headline(month: string, list: Truth[]) {
  return {
    month,
    disruptions: list.length,
    severe: list.filter((t) => t.severity === "SEV1" || t.severity === "SEV2").length,
    minutesOfDisruption: sumOf(list.map((t) => phases(t).length)),
    medianTtd: medianOf(list.map((t) => phases(t).ttd)),
    medianTtm: medianOf(list.map((t) => phases(t).ttm)),
    medianTtr: medianOf(list.map((t) => phases(t).ttr)),
  };
}

/** The team's working time (the config's `calendar`): Monday–Friday, minutes of the day, holidays. */
interface Calendar {
  start: number;
  end: number;
  holidays: string[];
}

/** Working days (Monday–Friday, not a holiday) strictly between two local dates, up to 2. */
function workingDaysBetween(from: string, to: string, calendar: Calendar): number {
  let day = Date.parse(`${from}T00:00:00Z`) + 86_400_000;
  const end = Date.parse(`${to}T00:00:00Z`);
  let days = 0;
  for (; day < end && days < 2; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    const date = new Date(day).toISOString().slice(0, 10);
    if (weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(date)) days += 1;
  }
  return days;
}

/** Outside working time: not a working day, or before its start, or from its end. */
function outOfHours(p: LocalParts, calendar: Calendar): boolean {
  const date = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  const minute = p.hour * 60 + p.minute;
  return (
    p.weekday >= 6 ||
    calendar.holidays.includes(date) ||
    minute < calendar.start ||
    minute >= calendar.end
  );
}

/** Same service and type, the other started at most 90 days (local calendar) before. */
function repeats(dated: Truth[], months: Set<string>, zone: string) {
  const order = (a: Truth, b: Truth) =>
    (a.started as number) - (b.started as number) || a.issue.number - b.issue.number;
  const pairs = new Map<string, Truth[]>();
  for (const t of dated) {
    if (t.type === null) continue;
    for (const service of t.services) {
      const key = `${service}\u0000${t.type}`;
      pairs.set(key, [...(pairs.get(key) ?? []), t]);
    }
  }
  const found: { service: string; type: string; issues: string[] }[] = [];
  for (const [key, list] of pairs) {
    const listed = new Set<Truth>();
    for (const t of list) {
      if (!months.has(isoMonth(t.started as number, zone))) continue;
      const p = localParts(t.started as number, zone);
      const back = new Date(Date.UTC(p.year, p.month - 1, p.day - 90, p.hour, p.minute));
      const from = wallToInstant(
        {
          year: back.getUTCFullYear(),
          month: back.getUTCMonth() + 1,
          day: back.getUTCDate(),
          hour: p.hour,
          minute: p.minute,
        },
        zone,
      );
      for (const other of list) {
        if (other !== t && order(other, t) < 0 && (other.started as number) >= from) {
          listed.add(other);
          listed.add(t);
        }
      }
    }
    if (listed.size < 2) continue;
    const [service = "", type = ""] = key.split("\u0000");
    found.push({ service, type, issues: [...listed].sort(order).map((t) => t.issue.url) });
  }
  return found.sort(
    (a, b) =>
      b.issues.length - a.issues.length || byName(a.service, b.service) || byName(a.type, b.type),
  );
}

export function referenceFigures(
  truths: Truth[],
  options: { period: string; zone: string; now: number; calendar: Calendar },
) {
  const { zone, calendar } = options;
  const { months, previous, trend } = periodMonths(options.period);
  const counted = truths.filter((t) => t.counted);
  const dated = counted.filter((t) => t.started !== null);
  const monthOf = (t: Truth) => isoMonth(t.started as number, zone);
  const inMonths = (list: string[]) =>
    dated
      .filter((t) => list.includes(monthOf(t)))
      .sort(
        (a, b) =>
          (a.started as number) - (b.started as number) ||
          byName(a.repo, b.repo) ||
          a.issue.number - b.issue.number,
      );
  const current = inMonths(months);
  const local = current.map((t) => localParts(t.started as number, zone));
  const impact = { yes: 0, no: 0, unknown: 0, notStated: 0 };
  for (const t of current) impact[t.customerImpact ?? "notStated"] += 1;
  const today = isoDate(options.now, zone);
  const openItems = counted.flatMap((t) =>
    t.openItems.map((item) => ({
      url: t.issue.url,
      due: item.due,
      overdue: item.due !== null && item.due < today,
      owners: item.owners,
    })),
  );
  const grid = Array.from({ length: 7 }, () => [0, 0, 0, 0, 0, 0]);
  for (const p of local) {
    const row = grid[p.weekday - 1] as number[];
    row[Math.floor(p.hour / 4)] = (row[Math.floor(p.hour / 4)] ?? 0) + 1;
  }
  return {
    disruptions: current.map((t) => t.issue.url),
    bySeverity: Object.fromEntries(
      ["SEV1", "SEV2", "SEV3", "SEV4", "SEV5"].map((s) => [
        s,
        current.filter((t) => t.severity === s).length,
      ]),
    ),
    byType: count(current, (t) => (t.type ? [t.type] : [])),
    byService: count(current, (t) => t.services),
    byRepository: count(current, (t) => [t.repo]),
    byWeekday: Object.fromEntries(
      ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((d, i) => [
        d,
        local.filter((p) => p.weekday === i + 1).length,
      ]),
    ),
    byHour: Array.from({ length: 24 }, (_, h) => local.filter((p) => p.hour === h).length),
    grid,
    weekend: local.filter((p) => p.weekday >= 6).length,
    outOfHours: local.filter((p) => outOfHours(p, calendar)).length,
    minutes: Object.fromEntries(
      (["ttd", "tta", "ttm", "ttr", "length"] as const).map((k) => [
        k,
        summary(current.map((t) => phases(t)[k])),
      ]),
    ),
    customerImpact: {
      ...impact,
      share: current.length ? Math.round((impact.yes / current.length) * 1000) / 1000 : null,
    },
    trend: trend.map((month) => {
      const list = dated.filter((t) => monthOf(t) === month);
      const median = (k: "ttd" | "tta" | "ttm" | "ttr") => medianOf(list.map((t) => phases(t)[k]));
      return {
        month,
        disruptions: list.length,
        medianTtd: median("ttd"),
        medianTta: median("tta"),
        medianTtm: median("ttm"),
        medianTtr: median("ttr"),
      };
    }),
    current: headline(options.period, current),
    previous: headline("", inMonths(previous)),
    services: count(current, (t) => t.services).map(([service, n]) => {
      const list = current.filter((t) => t.services.includes(service));
      return {
        service,
        disruptions: n,
        minutes: sumOf(list.map((t) => phases(t).length)),
        medianTtm: medianOf(list.map((t) => phases(t).ttm)),
        medianTtr: medianOf(list.map((t) => phases(t).ttr)),
      };
    }),
    repositories: count(current, (t) => [t.repo]).map(([repo, n]) => {
      const list = current.filter((t) => t.repo === repo);
      return {
        repo,
        disruptions: n,
        severe: list.filter((t) => t.severity === "SEV1" || t.severity === "SEV2").length,
        medianTtm: medianOf(list.map((t) => phases(t).ttm)),
        medianTtr: medianOf(list.map((t) => phases(t).ttr)),
      };
    }),
    openItems,
    openReports: counted.filter((t) => t.issue.state === "open").map((t) => t.issue.url),
    missingLessons: counted
      .filter(
        (t) =>
          (t.severity === "SEV1" || t.severity === "SEV2") &&
          t.lessonsEmpty &&
          t.resolvedOrClosed !== null &&
          workingDaysBetween(isoDate(t.resolvedOrClosed, zone), today, calendar) >= 2,
      )
      .map((t) => t.issue.url),
    problems: counted.filter((t) => t.started === null).map((t) => t.issue.url),
    repeats: repeats(dated, new Set(months), zone),
  };
}
