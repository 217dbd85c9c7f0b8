import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  analyticsWindowStart,
  computeMonthlyMetrics,
} from "../../src/analytics/compute-monthly-metrics.js";
import { configSchema } from "../../src/config/config.js";
import { closed, reportIssue } from "./build-issue.js";
import { config, NOW, sampleIssues, ZONE } from "./sample-month.js";

const october = () =>
  computeMonthlyMetrics(sampleIssues, { period: "2026-10", timeZone: ZONE, now: NOW, config });

describe("computeMonthlyMetrics: October 2026 in Europe/Berlin", () => {
  it("has exactly the keys of the JSON output", () => {
    expect(Object.keys(october().figures)).toEqual([
      "month",
      "timeZone",
      "disruptions",
      "byService",
      "bySeverity",
      "byType",
      "byWeekday",
      "byHour",
      "minutes",
      "customerImpact",
      "byRepository",
      "trend",
      "followThrough",
      "problems",
    ]);
  });

  it("counts the reports that started in October, local time, and no others", () => {
    // #1 (25 Oct after the clocks went back), #2 (1 Oct 01:30 CEST), #4, #9. Not #3
    // (1 Nov 00:30 CET), #5 (duplicate), #6 (analytics issue), #7 (unreadable), #8 (no label).
    const { figures, details } = october();
    expect(figures.disruptions).toBe(4);
    expect(details.disruptions.map((row) => row.issue.number)).toEqual([2, 4, 9, 1]);
  });

  it("counts a report with two services once for each, severities all five, types that occur", () => {
    const { figures } = october();
    expect(figures.byService).toEqual({ api: 3, checkout: 1, search: 1 });
    expect(Object.keys(figures.byService)).toEqual(["api", "checkout", "search"]);
    expect(figures.bySeverity).toEqual({ SEV1: 1, SEV2: 1, SEV3: 2, SEV4: 0, SEV5: 0 });
    expect(figures.byType).toEqual({ Deployment: 3, Infrastructure: 1 });
  });

  it("reads weekday and hour of Started in local time, across the DST change and the month border", () => {
    const { figures } = october();
    expect(figures.byWeekday).toEqual({ Mon: 0, Tue: 1, Wed: 1, Thu: 1, Fri: 0, Sat: 0, Sun: 1 });
    const hours = Array.from({ length: 24 }, () => 0);
    hours[2] = 1; // #1: 01:30 UTC is 02:30 CET on 25 October
    hours[1] = 1; // #2: 23:30 UTC on 30 September is 01:30 CEST on 1 October
    hours[9] = 1; // #4
    hours[19] = 1; // #9
    expect(figures.byHour).toEqual(hours);
  });

  it("summarises TTD, TTR and length: median of an even count, p90 nearest rank, mean to 0.1", () => {
    // TTD 10, 20, 30, 5 → 5 10 20 30: median 15, p90 the ⌈3.6⌉ = 4th → 30, mean 16.25 → 16.3
    // TTR 90, 60, 90, 120 → median 90, p90 120, mean 90
    // length 100, 80, 120, 125 → median 110, p90 125, mean 106.25 → 106.3
    // TTA (#9 has none) 5, 2, 10 → 2 5 10: median 5, p90 the ⌈2.7⌉ = 3rd → 10, mean 5.67 → 5.7
    // TTM 30, 30, 60, 60 → median 45, p90 the 4th → 60, mean 45
    expect(october().figures.minutes).toEqual({
      ttd: { median: 15, p90: 30, mean: 16.3 },
      tta: { median: 5, p90: 10, mean: 5.7 },
      ttm: { median: 45, p90: 60, mean: 45 },
      ttr: { median: 90, p90: 120, mean: 90 },
      length: { median: 110, p90: 125, mean: 106.3 },
    });
  });

  it("has a 12-month trend ending with October, reusing the same reports", () => {
    const { trend } = october().figures;
    expect(trend.map((entry) => entry.month)).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
    ]);
    // March: #11 (TTD 10, TTA 10, TTM 15, TTR 20) and #12 across the spring change (5, 10, 30, 60).
    expect(trend[4]).toEqual({
      month: "2026-03",
      disruptions: 2,
      medianTtd: 7.5,
      medianTta: 10,
      medianTtm: 22.5,
      medianTtr: 40,
    });
    expect(trend[10]).toEqual({
      month: "2026-09",
      disruptions: 1,
      medianTtd: 15,
      medianTta: null,
      medianTtm: 20,
      medianTtr: 45,
    });
    expect(trend[11]).toEqual({
      month: "2026-10",
      disruptions: 4,
      medianTtd: 15,
      medianTta: 5,
      medianTtm: 45,
      medianTtr: 90,
    });
    expect(trend[0]).toEqual({
      month: "2025-11",
      disruptions: 0,
      medianTtd: null,
      medianTta: null,
      medianTtm: null,
      medianTtr: null,
    });
  });

  it("counts follow-through over all reports, overdue relative to today in the zone", () => {
    // Open items: #1 canary (due 11-01, overdue), #4 search index (due today, not overdue),
    // #4 runbook (no due date), #10 pool alert (due 10-01, overdue). Not #1's done and dropped
    // items, not the duplicate's, not the analytics issue's. Open reports: #1, #3, #4, #7.
    const { figures, details } = october();
    expect(figures.followThrough).toEqual({
      openActionItems: 4,
      overdueActionItems: 2,
      openReports: 4,
    });
    expect(
      details.openActionItems.map((item) => [item.issue.number, item.due, item.overdue]),
    ).toEqual([
      [10, "2026-10-01", true],
      [1, "2026-11-01", true],
      [4, "2026-11-02", false],
      [4, null, false],
    ]);
    expect(details.openActionItems[0]?.owners).toEqual(["@org/sre"]);
    // Oldest first by Started: #4 (10-14), #1 (10-25), #3 (10-31), then #7, whose Started is unreadable.
    expect(details.openReports.map((report) => report.issue.number)).toEqual([4, 1, 3, 7]);
  });

  it("takes today in the report zone: 23:30 UTC on 1 November is already 2 November in Berlin", () => {
    const now = DateTime.fromISO("2026-11-01T23:30:00Z");
    const berlin = computeMonthlyMetrics(sampleIssues, {
      period: "2026-10",
      timeZone: ZONE,
      now,
      config,
    });
    expect(berlin.figures.followThrough.overdueActionItems).toBe(2);
    const earlier = DateTime.fromISO("2026-11-01T22:30:00Z"); // 23:30 on 1 November in Berlin
    const before = computeMonthlyMetrics(sampleIssues, {
      period: "2026-10",
      timeZone: ZONE,
      now: earlier,
      config,
    });
    expect(before.figures.followThrough.overdueActionItems).toBe(1);
  });

  it("lists reports whose Started cannot be read, with the reason, and counts them nowhere", () => {
    const { figures, details } = october();
    expect(figures.problems).toHaveLength(1);
    expect(figures.problems[0]?.issue).toBe(7);
    expect(figures.problems[0]?.message).toMatch(/^Started: could not read `yesterday`/);
    expect(details.problems[0]?.issue.url).toBe("https://github.com/acme/ops/issues/7");
  });

  it("gives the headline with the previous month, per-service minutes and the when grid", () => {
    const { details } = october();
    expect(details.current).toEqual({
      month: "2026-10",
      disruptions: 4,
      severe: 2,
      minutesOfDisruption: 425,
      medianTtd: 15,
      medianTtm: 45,
      medianTtr: 90,
    });
    expect(details.previous).toEqual({
      month: "2026-09",
      disruptions: 1,
      severe: 1,
      minutesOfDisruption: 60,
      medianTtd: 15,
      medianTtm: 20,
      medianTtr: 45,
    });
    expect(details.services).toEqual([
      { service: "api", disruptions: 3, minutes: 305, medianTtm: 30, medianTtr: 90 },
      { service: "checkout", disruptions: 1, minutes: 100, medianTtm: 30, medianTtr: 90 },
      { service: "search", disruptions: 1, minutes: 120, medianTtm: 60, medianTtr: 90 },
    ]);
    expect(details.repositories).toEqual([
      { repo: "acme/ops", disruptions: 4, severe: 2, medianTtm: 45, medianTtr: 90 },
    ]);
    expect(details.when).toEqual({
      grid: [
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 1, 0], // Tue 19:00
        [0, 0, 1, 0, 0, 0], // Wed 09:15
        [1, 0, 0, 0, 0, 0], // Thu 01:30
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0, 0], // Sun 02:30
      ],
      weekend: 1,
      outOfHours: 3,
      workingTime: "Monday–Friday 09:00–18:00 Europe/Berlin",
    });
  });

  it("counts customer impact: #1 Yes, #2 No, #4 Unknown, #9 left empty", () => {
    const { figures } = october();
    expect(figures.customerImpact).toEqual({
      yes: 1,
      no: 1,
      unknown: 1,
      notStated: 1,
      share: 0.25,
    });
    expect(figures.byRepository).toEqual({ "acme/ops": 4 });
  });

  it("finds the same service and type again within 90 days, counting back into September", () => {
    const { repeats } = october().details;
    expect(
      repeats.map((repeat) => ({
        pair: `${repeat.service} / ${repeat.type}`,
        issues: repeat.disruptions.map((entry) => entry.issue.number),
      })),
    ).toEqual([{ pair: "api / Deployment", issues: [10, 9, 1] }]);
  });

  it("lists SEV1/SEV2 reports whose Lessons are empty two business days after they were resolved", () => {
    const { missingLessons } = october().details;
    expect(missingLessons.map((entry) => [entry.issue.number, entry.severity])).toEqual([
      [9, "SEV1"],
    ]);
  });
});

describe("computeMonthlyMetrics: edges", () => {
  it("gives zeros, all keys and null minutes for a month with no disruptions", () => {
    const { figures, details } = computeMonthlyMetrics(sampleIssues, {
      period: "2026-06",
      timeZone: ZONE,
      now: NOW,
      config,
    });
    expect(figures.disruptions).toBe(0);
    expect(figures.byService).toEqual({});
    expect(figures.bySeverity).toEqual({ SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0, SEV5: 0 });
    expect(figures.byType).toEqual({});
    expect(figures.byWeekday).toEqual({ Mon: 0, Tue: 0, Wed: 0, Thu: 0, Fri: 0, Sat: 0, Sun: 0 });
    expect(figures.byHour).toEqual(Array.from({ length: 24 }, () => 0));
    expect(figures.minutes).toEqual({ ttd: null, tta: null, ttm: null, ttr: null, length: null });
    expect(figures.trend).toHaveLength(12);
    expect(details.repeats).toEqual([]);
    expect(details.disruptions).toEqual([]);
  });

  it("reads hour and weekday after the clocks went forward (29 March, Berlin)", () => {
    const { figures } = computeMonthlyMetrics(sampleIssues, {
      period: "2026-03",
      timeZone: ZONE,
      now: NOW,
      config,
    });
    expect(figures.disruptions).toBe(2);
    expect(figures.byHour[3]).toBe(1); // #11: 01:30 UTC is 03:30 CEST
    expect(figures.byHour[1]).toBe(1); // #12: 01:50 CET, before the change
    expect(figures.byWeekday.Sun).toBe(2);
    // #12's phases on instants, not on the wall clock (70, 90 and 120 minutes there).
    expect(figures.minutes.tta).toEqual({ median: 10, p90: 10, mean: 10 });
    expect(figures.minutes.ttm).toEqual({ median: 22.5, p90: 30, mean: 22.5 });
    expect(figures.minutes.ttr).toEqual({ median: 40, p90: 60, mean: 40 });
  });

  it("puts a border report in September when the zone is UTC", () => {
    const { figures } = computeMonthlyMetrics(sampleIssues, {
      period: "2026-09",
      timeZone: "UTC",
      now: NOW,
      config,
    });
    // #2 (30 Sep 23:30 UTC) and #10 (10 Sep 10:00, typed without zone, so UTC here).
    expect(figures.disruptions).toBe(2);
    expect(figures.byHour[23]).toBe(1);
  });

  it("summarises a single value as itself", () => {
    const only = reportIssue(1, {
      started: "2026-10-05 10:00",
      detected: "2026-10-05 10:07",
      resolved: "2026-10-05 10:30",
    });
    const { figures } = computeMonthlyMetrics([only], {
      period: "2026-10",
      timeZone: ZONE,
      now: NOW,
      config,
    });
    expect(figures.minutes).toEqual({
      ttd: { median: 7, p90: 7, mean: 7 },
      tta: null,
      ttm: null,
      ttr: { median: 23, p90: 23, mean: 23 },
      length: { median: 30, p90: 30, mean: 30 },
    });
  });

  it("takes the median of an odd count as the middle value, and leaves out a pending resolution", () => {
    const issues = [5, 40, 12].map((ttd, index) =>
      reportIssue(index + 1, {
        started: "2026-10-05 10:00",
        detected: DateTime.fromISO("2026-10-05T10:00")
          .plus({ minutes: ttd })
          .toFormat("yyyy-MM-dd HH:mm"),
      }),
    );
    const { figures } = computeMonthlyMetrics(issues, {
      period: "2026-10",
      timeZone: ZONE,
      now: NOW,
      config,
    });
    expect(figures.minutes.ttd).toEqual({ median: 12, p90: 40, mean: 19 });
    expect(figures.minutes.ttr).toBeNull();
  });

  it("waits two business days after the resolution before listing empty Lessons", () => {
    // Resolved on Friday 30 October: Monday is one business day, Tuesday the second.
    const sev2 = reportIssue(
      1,
      {
        severity: "SEV2",
        started: "2026-10-30 10:00",
        detected: "2026-10-30 10:05",
        resolved: "2026-10-30 16:00",
      },
      closed("2026-10-30T15:00:00Z"),
    );
    const listed = (now: string) =>
      computeMonthlyMetrics([sev2], {
        period: "2026-10",
        timeZone: ZONE,
        now: DateTime.fromISO(now, { zone: ZONE }),
        config,
      }).details.missingLessons.length;
    expect(listed("2026-11-03T23:59")).toBe(0); // Tuesday: only Monday has passed
    expect(listed("2026-11-04T00:00")).toBe(1); // Wednesday
  });

  it("waits two working days of the team's calendar: a holiday Monday does not count", () => {
    // Resolved on Friday 30 October; Monday 2 November is a holiday: Tuesday is the first working
    // day, Wednesday the second, so the report is listed from Thursday.
    const sev1 = reportIssue(
      1,
      { severity: "SEV1", started: "2026-10-30 10:00", resolved: "2026-10-30 16:00" },
      closed("2026-10-30T15:00:00Z"),
    );
    const withHoliday = configSchema.parse({
      timeZone: ZONE,
      calendar: { holidays: ["2026-11-02"] },
    });
    const listed = (now: string) =>
      computeMonthlyMetrics([sev1], {
        period: "2026-10",
        timeZone: ZONE,
        now: DateTime.fromISO(now, { zone: ZONE }),
        config: withHoliday,
      }).details.missingLessons.length;
    expect(listed("2026-11-04T23:59")).toBe(0); // Wednesday: only Tuesday has passed
    expect(listed("2026-11-05T00:00")).toBe(1); // Thursday
  });

  describe("out of hours: outside the calendar's working time, in its zone", () => {
    // Typed in UTC; Berlin is UTC+2 until Sunday 25 October 03:00, UTC+1 after.
    const starts = [
      "2026-10-24 11:00 UTC", // Saturday 13:00
      "2026-10-26 09:00 UTC", // Monday 10:00, the holiday below
      "2026-10-20 16:00 UTC", // Tuesday 18:00: the end is not included
      "2026-10-20 15:59 UTC", // Tuesday 17:59
      "2026-10-27 07:30 UTC", // Tuesday 08:30 (UTC+1): before the start
      "2026-10-27 08:00 UTC", // Tuesday 09:00 (UTC+1)
      "2026-10-23 07:30 UTC", // Friday 09:30 (UTC+2)
      "2026-10-25 10:00 UTC", // Sunday 11:00
    ];
    const issues = starts.map((started, index) => reportIssue(index + 1, { started }));
    const when = (calendar: object) =>
      computeMonthlyMetrics(issues, {
        period: "2026-10",
        timeZone: ZONE,
        now: NOW,
        config: configSchema.parse({ timeZone: ZONE, calendar }),
      }).details.when;

    it("Monday to Friday 09:00–18:00 with a holiday: Saturday, the holiday, 18:00, 08:30 and Sunday", () => {
      const figures = when({ holidays: ["2026-10-26"] });
      expect([figures.weekend, figures.outOfHours]).toEqual([2, 5]);
      expect(figures.workingTime).toBe(
        "Monday–Friday 09:00–18:00 Europe/Berlin, holidays excepted",
      );
    });

    it("Sunday to Thursday 08:00–17:00: Saturday, Tuesday 18:00 and 17:59, and Friday", () => {
      const figures = when({
        workingDays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday"],
        workingHours: { start: "08:00", end: "17:00" },
      });
      expect(figures.outOfHours).toBe(4);
    });
  });

  it("matches labels in any case and never counts an analytics issue, even labelled as a report", () => {
    const issue = reportIssue(
      1,
      { started: "2026-10-05 10:00", detected: "2026-10-05 10:05" },
      { labels: ["Disruption"] },
    );
    const analytics = { ...issue, number: 2, labels: ["disruption", "Disruption-Analytics"] };
    const { figures } = computeMonthlyMetrics([issue, analytics], {
      period: "2026-10",
      timeZone: ZONE,
      now: NOW,
      config,
    });
    expect(figures.disruptions).toBe(1);
  });

  it("refuses a month that is not YYYY-MM", () => {
    expect(() =>
      computeMonthlyMetrics([], { period: "2026-13", timeZone: ZONE, now: NOW, config }),
    ).toThrow(
      "`2026-13` is not a period: write a month (2026-10), a quarter (2026-Q3) or a year (2026).",
    );
  });
});

describe("analyticsWindowStart", () => {
  it("is midnight on the 1st of the trend's first month, local time", () => {
    expect(analyticsWindowStart("2026-10", ZONE).toISO()).toBe("2025-11-01T00:00:00.000+01:00");
    expect(analyticsWindowStart("2026-12", "UTC").toUTC().toISO()).toBe("2026-01-01T00:00:00.000Z");
  });
});
