import { describe, expect, it } from "vitest";
import { computeMonthlyMetrics } from "../../src/analytics/compute-monthly-metrics.js";
import {
  analyticsMarker,
  monthlyReportTitle,
  readAnalyticsMarker,
  readAnalyticsPartMarker,
  renderIssueParts,
  renderMonthlyReport,
} from "../../src/analytics/render-monthly-report.js";
import { LISTED_ROWS } from "../../src/analytics/sections/section-follow-through.js";
import { MAX_BODY_LENGTH } from "../../src/limits/github-limits.js";
import { ACCEPTED_TIME_FORMATS } from "../../src/report/parse-time.js";
import { reportIssue } from "./build-issue.js";
import { config, NOW, sampleIssues, ZONE } from "./sample-month.js";

const options = { repo: "acme/ops", reportLabel: "disruption" };
const render = (issues = sampleIssues, month = "2026-10") =>
  renderMonthlyReport(
    computeMonthlyMetrics(issues, { period: month, timeZone: ZONE, now: NOW, config }),
    options,
  );

/** Each ```mermaid block with the markdown that follows it up to the next heading. */
function charts(body: string): { chart: string; after: string }[] {
  return [...body.matchAll(/```mermaid\n([\s\S]*?)```\n([\s\S]*?)(?=\n#|\n```mermaid|$)/g)].map(
    (match) => ({
      chart: match[1] ?? "",
      after: match[2] ?? "",
    }),
  );
}

/** The table rows (cells trimmed) in a piece of markdown, header and rule left out. */
function rows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

describe("monthlyReportTitle and the marker", () => {
  it("titles the issue with the month's name", () => {
    expect(monthlyReportTitle("2026-10")).toBe("Disruption report: October 2026");
    expect(monthlyReportTitle("2027-01")).toBe("Disruption report: January 2027");
  });

  it("builds a hidden marker and reads the month back from a body", () => {
    expect(analyticsMarker("2026-10")).toBe("<!-- disruption-reports:analytics month=2026-10 -->");
    expect(readAnalyticsMarker(`intro\n${analyticsMarker("2026-10")}\nmore`)).toBe("2026-10");
    expect(readAnalyticsMarker("<!-- disruption-reports:analytics month=2026-13 -->")).toBeNull();
    expect(readAnalyticsMarker("## Overview")).toBeNull();
    expect(readAnalyticsMarker(null)).toBeNull();
  });
});

describe("renderMonthlyReport", () => {
  it("renders October 2026 as in the snapshot", async () => {
    await expect(render()).toMatchFileSnapshot("__snapshots__/october-2026.md");
  });

  it("opens with the marker and has the sections of the issue, in order", () => {
    const body = render();
    expect(body.startsWith(`${analyticsMarker("2026-10")}\n`)).toBe(true);
    expect(readAnalyticsMarker(body)).toBe("2026-10");
    expect(body.match(/^##? .*$/gm)).toEqual([
      "## Headline figures",
      "## By service",
      "## By severity and type",
      "## When",
      "## Detection and recovery",
      "## Follow-through",
      "## Repeats",
      "## Disruptions in October 2026 (4)",
      "## Data problems (1)",
    ]);
  });

  it("puts a table with the same numbers beside every chart", () => {
    const body = render();
    const found = charts(body);
    expect(
      found.map(({ chart }) => chart.split("\n").find((line) => !line.startsWith("%%"))),
    ).toEqual(["xychart-beta", "pie showData", "pie showData", ...Array(4).fill("xychart-beta")]);
    for (const { chart, after } of found.slice(0, 3)) {
      const table = rows(after);
      expect(table.length).toBeGreaterThan(0);
      const bar = /x-axis \[(.*)\][\s\S]*bar \[(.*)\]/.exec(chart);
      if (bar) {
        const names = JSON.parse(`[${bar[1]}]`) as string[];
        const values = (bar[2] ?? "").split(", ");
        expect(table.map((row) => [row[0], row[1]])).toEqual(
          names.map((name, i) => [name, values[i]]),
        );
      }
      for (const [, name, value] of chart.matchAll(/^ {2}"(.*)" : (\d+)$/gm)) {
        expect(table.find((row) => row[0] === name)?.at(-1)).toBe(value);
      }
    }
    // The pie leaves out empty slices; the table still lists all five severities.
    expect(found[1]?.chart).not.toContain('"SEV4"');
    expect(rows(found[1]?.after ?? "").map((row) => row[0])).toEqual([
      "SEV1",
      "SEV2",
      "SEV3",
      "SEV4",
      "SEV5",
    ]);
    // Each trend line has the months with a value, and only those, as the trend table says.
    const trend = rows(found[6]?.after ?? "");
    expect(trend).toHaveLength(12);
    found.slice(3).forEach(({ chart }, line) => {
      const labels = JSON.parse(`[${/x-axis \[(.*)\]/.exec(chart)?.[1]}]`) as string[];
      const values = (/line \[(.*)\]/.exec(chart)?.[1] ?? "").split(", ");
      const expected = trend.filter((row) => row[line + 2] !== "—");
      expect(labels.map((label) => label.slice(0, 3))).toEqual(
        expected.map((row) => row[0]?.slice(0, 3)),
      );
      expect(labels[0]).toMatch(/^[A-Z][a-z]{2} \d{2}$/);
      expect(values).toEqual(expected.map((row) => row[line + 2]));
    });
    expect(trend.map((row) => row[0])).toEqual(
      "Nov 25,Dec,Jan 26,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct".split(","),
    );
  });

  it("colours severity red to grey whichever levels occur, and counts on whole ticks", () => {
    const [bar, severity] = charts(render());
    // SEV1, SEV2, SEV3 occur: pie1..pie3 are their colours; SEV4's grey would be pie4.
    expect(severity?.chart.split("\n")[0]).toBe(
      '%%{init: {"themeVariables": {"pie1": "#b60205", "pie2": "#e4572e", "pie3": "#f2a23a"}}}%%',
    );
    const onlyMinor = render(
      [reportIssue(1, { severity: "SEV4", started: "2026-10-05 10:00" })],
      "2026-10",
    );
    expect(charts(onlyMinor)[1]?.chart).toContain('"pie1": "#8c959f"');
    // 3 disruptions at most: the axis goes to 10 so that d3 puts its ticks on whole numbers.
    expect(bar?.chart).toContain('y-axis "Disruptions" 0 --> 10');
  });

  it("shades the weekday × hour table, the busiest cell in bold", () => {
    const body = render();
    const when = body.slice(body.indexOf("## When"), body.indexOf("## Detection"));
    expect(rows(when).map((row) => row.join(" "))).toEqual([
      "Mon · · · · · · 0",
      "Tue · · · · 🟥 **1** · 1",
      "Wed · · 🟥 **1** · · · 1",
      "Thu 🟥 **1** · · · · · 1",
      "Fri · · · · · · 0",
      "Sat · · · · · · 0",
      "Sun 🟥 **1** · · · · · 1",
    ]);
  });

  it("escapes pipes in titles and notifies nobody", () => {
    const body = render();
    expect(body).toContain("[#1 Checkout \\| payments down](https://github.com/acme/ops/issues/1)");
    expect(body).toContain("@&#8203;alice add a canary stage");
    expect(body).not.toMatch(/@(?!&#8203;)[A-Za-z]/);
  });

  it("says so when a month has no disruptions, with no empty chart", () => {
    const body = render(sampleIssues, "2026-06");
    expect(body).toContain("No disruptions in June 2026.");
    // Only the 12-month trend has something to draw (March 2026), a line per phase.
    expect(charts(body).map(({ chart }) => chart.includes("line ["))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    const nothing = render([], "2026-06");
    expect(nothing).not.toContain("```mermaid");
    expect(nothing).toContain("No detection or recovery times in these twelve months.");
    expect(nothing).toContain("## Disruptions in June 2026 (0)");
  });

  it("folds follow-through under one-line summaries, grouped by report then owner", () => {
    const body = render();
    expect(body).toContain(
      "<details><summary><b>4 open action items, 2 overdue, oldest 2026-10-01</b> (by report, then owner)</summary>",
    );
    const section = body.slice(body.indexOf("## Follow-through"), body.indexOf("## Repeats"));
    expect(rows(section.slice(0, section.indexOf("</details>")))).toEqual([
      [
        "[#10 Disruption 10](https://github.com/acme/ops/issues/10)",
        "@&#8203;org/sre",
        "@&#8203;org/sre alert on pool saturation (due 2026-10-01)",
        "2026-10-01 ⚠️ overdue",
      ],
      [
        "[#1 Checkout \\| payments down](https://github.com/acme/ops/issues/1)",
        "@&#8203;alice",
        "@&#8203;alice add a canary stage (due 2026-11-01)",
        "2026-11-01 ⚠️ overdue",
      ],
      [
        "[#4 Disruption 4](https://github.com/acme/ops/issues/4)",
        "@&#8203;bob",
        "@&#8203;bob fix the search index (due 2026-11-02)",
        "2026-11-02",
      ],
      ["", "no owner", "write a runbook", "—"],
    ]);
  });

  it("says the time formats once above the data problems, not in every row", () => {
    const body = render();
    const section = body.slice(body.indexOf("## Data problems"));
    expect(section.split(ACCEPTED_TIME_FORMATS)).toHaveLength(2);
    expect(rows(section)).toEqual([
      [
        "[#7 Disruption 7](https://github.com/acme/ops/issues/7)",
        "Started: could not read `yesterday` as a date and time.",
      ],
    ]);
  });

  it("never cuts: a report longer than an issue body goes on in marked parts, every disruption kept, the follow-through lists to their first LISTED_ROWS", () => {
    const title = "Checkout | payments ".repeat(12).slice(0, 240);
    const item = `- [ ] @alice ${"investigate the connection pool again ".repeat(8)} (due 2026-10-01)`;
    const many = Array.from({ length: 300 }, (_, index) =>
      reportIssue(
        index + 1,
        {
          services: `service-${index % 40}-${"x".repeat(30)}, api`,
          started: "2026-10-05 10:00",
          detected: "yesterday",
          actionItems: [item, item, item],
        },
        { title: `${title} ${index}` },
      ),
    );
    const result = computeMonthlyMetrics(many, {
      period: "2026-10",
      timeZone: ZONE,
      now: NOW,
      config,
    });
    const parts = renderIssueParts(result, options);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(readAnalyticsMarker(parts[0])).toBe("2026-10");
    parts.slice(1).forEach((part, index) => {
      expect(readAnalyticsPartMarker(part)).toEqual({ period: "2026-10", part: index + 2 });
    });
    const all = parts.join("\n");
    const links = (number: number) =>
      all.split(`](https://github.com/acme/ops/issues/${number})`).length - 1;
    // Every report is in the disruptions (and repeats); the follow-through lists show the first
    // LISTED_ROWS items (3 a report: reports 1–34) and open reports (1–100), and count the rest.
    for (let number = 1; number <= 300; number += 1)
      expect(links(number)).toBeGreaterThanOrEqual(
        1 + (number <= LISTED_ROWS ? 1 : 0) + (number <= Math.ceil(LISTED_ROWS / 3) ? 1 : 0),
      );
    expect(all).toContain(
      `<b>900 open action items, 900 overdue, oldest 2026-10-01</b> (by report, then owner; the ${LISTED_ROWS} most pressing are listed, ${900 - LISTED_ROWS} more are not)`,
    );
    expect(all).toContain(
      `<b>300 reports still open</b>, the oldest started 2026-10-05; the ${LISTED_ROWS} started first are listed, ${300 - LISTED_ROWS} more are not`,
    );
    const actionRows = all.slice(
      all.indexOf("<b>900 open action items"),
      all.indexOf("<b>300 reports still open"),
    );
    expect(actionRows.match(/ ⚠️ overdue/g)).toHaveLength(LISTED_ROWS);
    expect(all.match(/ \| SEV3 \| Deployment \| /g)).toHaveLength(300);
    // The open reports' rows (report, severity, started): the first LISTED_ROWS.
    expect(all.match(/^\| \[#\d+ [^\n]*\| SEV3 \| \d{4}-/gm)).toHaveLength(LISTED_ROWS);
    expect(all).toContain("(continued)</summary>");
    expect(all).not.toContain("was cut");
  });
});
