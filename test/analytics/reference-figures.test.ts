import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  computeMonthlyMetrics,
  metricsFromRecords,
} from "../../src/analytics/compute-monthly-metrics.js";
import { readReportRecords } from "../../src/analytics/read-report-record.js";
import { configSchema } from "../../src/config/config.js";
import { generateReports, type Truth } from "./reference/generate-reports.js";
import { referenceFigures } from "./reference/reference-figures.js";
import { localParts } from "./reference/zone-clock.js";

/**
 * Every figure of the analytics equals the reference computation (test/analytics/reference/),
 * written a second time from docs/definitions.md over 300 generated reports whose times crowd
 * around daylight-saving changes and year ends, in a zone of each hemisphere and one without a
 * change in the period: a month, a quarter each side of a year end, a year.
 */
const NOW = Date.parse("2027-04-07T09:30:00Z");
const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney"];
const PERIODS = ["2026-10", "2026-03", "2026-Q4", "2027-Q1", "2026"];

/** The team's calendar: working hours 08:30–17:30, holidays around the year's end and Easter. */
const HOLIDAYS = [
  "2026-04-03",
  "2026-04-06",
  "2026-12-24",
  "2026-12-25",
  "2026-12-31",
  "2027-01-01",
];
const CALENDAR = { start: 8 * 60 + 30, end: 17 * 60 + 30, holidays: HOLIDAYS };
const configFor = (zone: string) =>
  configSchema.parse({
    timeZone: zone,
    calendar: { workingHours: { start: "08:30", end: "17:30" }, holidays: HOLIDAYS },
  });

const data = new Map(ZONES.map((zone) => [zone, generateReports(300, zone, NOW)]));
const truthsOf = (zone: string): Truth[] => data.get(zone) ?? [];

const records = new Map<string, ReturnType<typeof readReportRecords>>();

/** The first period from the issues, the others from the same records (each body read once). */
function computed(zone: string, period: string) {
  const config = configFor(zone);
  const options = {
    period,
    timeZone: zone,
    now: DateTime.fromMillis(NOW, { zone: "UTC" }),
    config,
  };
  const issues = truthsOf(zone).map((truth) => truth.issue);
  const read = records.get(zone);
  if (read) return metricsFromRecords(read, options);
  records.set(zone, readReportRecords(issues, options));
  return computeMonthlyMetrics(issues, options);
}

describe.each(ZONES)("the figures in %s equal the reference computation", (zone) => {
  it.each(PERIODS)("for %s", (period) => {
    const { figures, details } = computed(zone, period);
    const want = referenceFigures(truthsOf(zone), { period, zone, now: NOW, calendar: CALENDAR });
    expect(details.disruptions.map((row) => row.issue.url)).toEqual(want.disruptions);
    expect(figures.disruptions).toBe(want.disruptions.length);
    expect(figures.bySeverity).toEqual(want.bySeverity);
    expect(Object.entries(figures.byType)).toEqual(want.byType);
    expect(Object.entries(figures.byService)).toEqual(want.byService);
    expect(Object.entries(figures.byRepository)).toEqual(want.byRepository);
    expect(figures.byWeekday).toEqual(want.byWeekday);
    expect(figures.byHour).toEqual(want.byHour);
    expect(details.when).toEqual({
      grid: want.grid,
      weekend: want.weekend,
      outOfHours: want.outOfHours,
      workingTime: `Monday–Friday 08:30–17:30 ${zone}, holidays excepted`,
    });
    expect(figures.minutes).toEqual(want.minutes);
    expect(figures.customerImpact).toEqual(want.customerImpact);
    expect(figures.trend).toEqual(want.trend);
    expect(details.current).toEqual(want.current);
    expect({ ...details.previous, month: "" }).toEqual(want.previous);
    expect(details.services).toEqual(want.services);
    expect(details.repositories).toEqual(want.repositories);
    expect(figures.followThrough).toEqual({
      openActionItems: want.openItems.length,
      overdueActionItems: want.openItems.filter((item) => item.overdue).length,
      openReports: want.openReports.length,
    });
    const items = details.openActionItems.map((item) => ({
      url: item.issue.url,
      due: item.due,
      overdue: item.overdue,
      owners: item.owners,
    }));
    expect(sortedJson(items)).toEqual(sortedJson(want.openItems));
    expect(details.openReports.map((report) => report.issue.url).sort()).toEqual(
      [...want.openReports].sort(),
    );
    expect(details.missingLessons.map((entry) => entry.issue.url).sort()).toEqual(
      [...want.missingLessons].sort(),
    );
    expect(details.problems.map((problem) => problem.issue.url).sort()).toEqual(
      [...want.problems].sort(),
    );
    expect(
      details.repeats.map((repeat) => ({
        service: repeat.service,
        type: repeat.type,
        issues: repeat.disruptions.map((entry) => entry.issue.url),
      })),
    ).toEqual(want.repeats);
  });
});

describe("the generated reports reach the edges the reference is there for", () => {
  it.each(ZONES)(
    "in %s: phases across a DST change, year-end borders, every kind of row",
    (zone) => {
      const truths = truthsOf(zone).filter((truth) => truth.counted && truth.started !== null);
      const offset = (instant: number) => localParts(instant, zone).offset;
      const acrossChange = truths.filter(
        (truth) =>
          truth.resolved !== null && offset(truth.started as number) !== offset(truth.resolved),
      );
      expect(acrossChange.length).toBeGreaterThan(5);
      const newYear = truths.filter((truth) => {
        const local = localParts(truth.started as number, zone);
        const utc = localParts(truth.started as number, "UTC");
        return local.year !== utc.year;
      });
      expect(newYear.length).toBeGreaterThan(0);
      for (const period of PERIODS) {
        const want = referenceFigures(truthsOf(zone), {
          period,
          zone,
          now: NOW,
          calendar: CALENDAR,
        });
        expect(want.disruptions.length).toBeGreaterThan(5);
      }
      const year = referenceFigures(truthsOf(zone), {
        period: "2026",
        zone,
        now: NOW,
        calendar: CALENDAR,
      });
      expect(year.repeats.length).toBeGreaterThan(0);
      expect(year.missingLessons.length).toBeGreaterThan(0);
      expect(year.problems.length).toBeGreaterThan(0);
      expect(year.openItems.filter((item) => item.overdue).length).toBeGreaterThan(0);
    },
  );
});

function sortedJson(values: readonly unknown[]): string[] {
  return values.map((value) => JSON.stringify(value)).sort();
}
