import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeMonthlyMetrics } from "../../src/analytics/compute-monthly-metrics.js";
import { renderMonthlyReport } from "../../src/analytics/render-monthly-report.js";
import { configSchema } from "../../src/config/config.js";
import { generateReports } from "./reference/generate-reports.js";
import { charts, readable, tableRows, totalMinutes } from "./reference/read-markdown.js";
import { referenceFigures } from "./reference/reference-figures.js";

/**
 * What a reader sees in each section of the published issue (tables, chart values, the lines of
 * figures) equals the reference computation of test/analytics/reference/, formatted by hand.
 */
const NOW = Date.parse("2027-04-07T09:30:00Z");
const HOLIDAYS = [
  "2026-04-03",
  "2026-04-06",
  "2026-12-24",
  "2026-12-25",
  "2026-12-31",
  "2027-01-01",
];
const CALENDAR = { start: 8 * 60 + 30, end: 17 * 60 + 30, holidays: HOLIDAYS };
const CASES = [
  { zone: "Europe/Berlin", period: "2027-Q1", previousName: "Q4 2026 (October–December)" },
  { zone: "Australia/Sydney", period: "2026-Q4", previousName: "Q3 2026 (July–September)" },
  { zone: "America/New_York", period: "2026-11", previousName: "October 2026" },
];

describe.each(CASES)("the sections of $period in $zone", ({ zone, period }) => {
  const truths = generateReports(300, zone, NOW, 11);
  const config = configSchema.parse({
    timeZone: zone,
    calendar: { workingHours: { start: "08:30", end: "17:30" }, holidays: HOLIDAYS },
  });
  const result = computeMonthlyMetrics(
    truths.map((truth) => truth.issue),
    { period, timeZone: zone, now: DateTime.fromMillis(NOW), config },
  );
  const body = renderMonthlyReport(result, { repo: "acme/ops", reportLabel: "disruption" });
  const want = referenceFigures(truths, { period, zone, now: NOW, calendar: CALENDAR });
  const n = want.disruptions.length;

  it("headline: counts, minutes of disruption and medians beside the previous period", () => {
    const rows = tableRows(body, "");
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ["Disruptions", String(n), String(want.previous.disruptions)],
      ["SEV1 and SEV2", String(want.current.severe), String(want.previous.severe)],
      [
        "Minutes of disruption",
        totalMinutes(want.current.minutesOfDisruption),
        totalMinutes(want.previous.minutesOfDisruption),
      ],
      [
        "Median time to detect",
        readable(want.current.medianTtd),
        readable(want.previous.medianTtd),
      ],
      [
        "Median time to mitigate",
        readable(want.current.medianTtm),
        readable(want.previous.medianTtm),
      ],
      [
        "Median time to resolve",
        readable(want.current.medianTtr),
        readable(want.previous.medianTtr),
      ],
    ]);
    const impact = want.customerImpact;
    expect(body).toContain(
      `Customer impact: **${impact.yes}** of ${n} disruptions (${Math.round((impact.share ?? 0) * 100)} %) affected customers; ${impact.no} did not, ${impact.unknown} unknown, ${impact.notStated} not stated.`,
    );
    const overdue = want.openItems.filter((item) => item.overdue).length;
    expect(body).toContain(
      `**${want.openItems.length}** open action items (**${overdue}** overdue), **${want.openReports.length}** reports still open.`,
    );
  });

  it("phases: median, p90 and mean, and the 12-month trend in its table and lines", () => {
    const names = [
      "Time to detect",
      "Time to acknowledge",
      "Time to mitigate",
      "Time to resolve",
      "Length",
    ];
    const keys = ["ttd", "tta", "ttm", "ttr", "length"] as const;
    expect(tableRows(body, "")[6]).toBeUndefined();
    const phaseRows = tableRows(body.slice(body.indexOf("## Detection and recovery")), "");
    expect(phaseRows).toEqual(
      keys.map((key, index) => {
        const summary = want.minutes[key];
        return [
          names[index],
          readable(summary?.median ?? null),
          readable(summary?.p90 ?? null),
          readable(summary?.mean ?? null),
        ];
      }),
    );
    const show = (value: number | null) => (value === null ? "—" : String(value));
    expect(tableRows(body, "Month").map((row) => row.slice(1))).toEqual(
      want.trend.map((entry) => [
        String(entry.disruptions),
        show(entry.medianTtd),
        show(entry.medianTta),
        show(entry.medianTtm),
        show(entry.medianTtr),
      ]),
    );
    const lines = charts(body).filter((chart) => chart.title.startsWith("Median minutes"));
    const medians = ["medianTtd", "medianTta", "medianTtm", "medianTtr"] as const;
    expect(lines.map((line) => line.values)).toEqual(
      medians
        .map((key) => want.trend.flatMap((entry) => (entry[key] === null ? [] : [entry[key]])))
        .filter((values) => values.length > 0),
    );
  });

  it("services, repositories, severity and type: tables and charts", () => {
    expect(tableRows(body, "Service")).toEqual(
      want.services.map((row) => [
        row.service,
        String(row.disruptions),
        totalMinutes(row.minutes),
        readable(row.medianTtm),
        readable(row.medianTtr),
      ]),
    );
    const bars = charts(body).find((chart) => chart.title.startsWith("Disruptions by service"));
    expect(bars?.labels).toEqual(want.services.slice(0, 20).map((row) => row.service));
    expect(bars?.values).toEqual(want.services.slice(0, 20).map((row) => row.disruptions));
    expect(tableRows(body, "Repository")).toEqual(
      want.repositories.map((row) => [
        `[${row.repo}](https://github.com/${row.repo})`,
        String(row.disruptions),
        String(row.severe),
        readable(row.medianTtm),
        readable(row.medianTtr),
      ]),
    );
    const severity = Object.entries(want.bySeverity);
    expect(tableRows(body, "Severity").map((row) => [row[0], Number(row[2])])).toEqual(severity);
    const pies = charts(body).filter(
      (chart) => chart.values.length > 0 && chart.title.includes(","),
    );
    const severityPie = pies.find((chart) => chart.title.startsWith("Severity"));
    // Mermaid cannot draw a slice of 0: the pie leaves those levels out, in the same order.
    expect(severityPie?.labels.map((label, index) => [label, severityPie.values[index]])).toEqual(
      severity.filter(([, count]) => count > 0),
    );
    expect(tableRows(body, "Type").map((row) => [row[0], Number(row[1])])).toEqual(want.byType);
    const typePie = pies.find((chart) => chart.title.startsWith("Type"));
    expect(typePie?.labels.map((label, index) => [label, typePie.values[index]])).toEqual(
      want.byType,
    );
  });

  it("when: weekday × 4-hour blocks, totals, weekend and out of hours", () => {
    const rows = tableRows(body, "Day");
    const count = (cell: string) => (cell === "·" ? 0 : Number(/(\d+)\**$/.exec(cell)?.[1]));
    expect(rows.map((row) => row.slice(1, 7).map(count))).toEqual(want.grid);
    expect(rows.map((row) => [row[0], Number(row[7])])).toEqual(Object.entries(want.byWeekday));
    expect(body).toContain(
      `On a weekend: **${want.weekend}** of ${n}. Out of hours (outside ${result.details.when.workingTime}): **${want.outOfHours}** of ${n}.`,
    );
  });

  it("follow-through: the summaries of open items, open reports and missing reviews", () => {
    const overdue = want.openItems.filter((item) => item.overdue).length;
    const oldest = want.openItems.flatMap((item) => (item.due ? [item.due] : [])).sort()[0];
    expect(body).toContain(
      `<b>${want.openItems.length} open action items, ${overdue} overdue, oldest ${oldest}</b>`,
    );
    expect(body).toContain(`<b>${want.openReports.length} reports still open</b>`);
    expect(body).toContain(
      `<b>${want.missingLessons.length} SEV1 and SEV2 reports without lessons</b>`,
    );
    expect(body).toContain(`## Disruptions in `);
    expect(body).toContain(` (${n})\n`);
    expect(body).toContain(`## Data problems (${want.problems.length})`);
  });
});
