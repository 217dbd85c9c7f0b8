import { describe, expect, it } from "vitest";
import { computeMonthlyMetrics } from "../../src/analytics/compute-monthly-metrics.js";
import {
  analyticsMarker,
  monthlyReportTitle,
  readAnalyticsMarker,
  renderMonthlyReport,
} from "../../src/analytics/render-monthly-report.js";
import { MAX_BODY_LENGTH } from "../../src/github/limits.js";
import { reportIssue } from "./build-issue.js";
import { config, NOW, sampleIssues, ZONE } from "./sample-month.js";

const options = { repo: "acme/ops", reportLabel: "disruption" };
const render = (issues = sampleIssues, month = "2026-10") =>
  renderMonthlyReport(
    computeMonthlyMetrics(issues, { month, timeZone: ZONE, now: NOW, config }),
    options,
  );

/** Each ```mermaid block with the markdown that follows it up to the next heading. */
function charts(body: string): { chart: string; after: string }[] {
  return [...body.matchAll(/```mermaid\n([\s\S]*?)```\n([\s\S]*?)(?=\n#|$)/g)].map((match) => ({
    chart: match[1] ?? "",
    after: match[2] ?? "",
  }));
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
    const found = charts(render());
    expect(
      found.map(({ chart }) => chart.split("\n").find((line) => !line.startsWith("%%"))),
    ).toEqual(["xychart-beta", "pie showData", "pie showData", "xychart-beta"]);
    for (const { chart, after } of found) {
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
      const lines = [...chart.matchAll(/line \[(.*)\]/g)].map((match) =>
        (match[1] ?? "").split(", "),
      );
      lines.forEach((values, series) => {
        expect(table.map((row) => (row[series + 2] === "—" ? "0" : row[series + 2]))).toEqual(
          values,
        );
      });
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
    // Only the 12-month trend has something to draw (March 2026).
    expect(charts(body).map(({ chart }) => chart.includes("line ["))).toEqual([true]);
    const nothing = render([], "2026-06");
    expect(nothing).not.toContain("```mermaid");
    expect(nothing).toContain("No detection or recovery times in these twelve months.");
    expect(nothing).toContain("## Disruptions in June 2026 (0)");
  });

  it("cuts a list longer than 50 rows with a link to the matching issue search", () => {
    const many = Array.from({ length: 120 }, (_, index) =>
      reportIssue(index + 100, {
        started: `2026-10-${String((index % 28) + 1).padStart(2, "0")} 10:00`,
        detected: `2026-10-${String((index % 28) + 1).padStart(2, "0")} 10:10`,
      }),
    );
    const body = render(many);
    expect(body).toContain("## Disruptions in October 2026 (120)");
    expect(body).toContain(
      "…and 70 more open reports: [see the issue search](https://github.com/acme/ops/issues?q=is%3Aissue%20label%3Adisruption%20is%3Aopen).",
    );
    expect(body).toContain(
      "…and 70 more disruptions: [see the issue search](https://github.com/acme/ops/issues?q=is%3Aissue%20label%3Adisruption).",
    );
    const section = body.slice(
      body.indexOf("## Disruptions in October"),
      body.indexOf("## Data problems"),
    );
    expect(rows(section)).toHaveLength(50);
  });

  it("quotes a label with a space in the search link", () => {
    const many = Array.from({ length: 60 }, (_, index) =>
      reportIssue(index + 1, { started: "2026-10-05 10:00", detected: "2026-10-05 10:01" }),
    );
    const body = renderMonthlyReport(
      computeMonthlyMetrics(many, { month: "2026-10", timeZone: ZONE, now: NOW, config }),
      { repo: "acme/ops", reportLabel: "production disruption" },
    );
    expect(body).toContain("q=is%3Aissue%20label%3A%22production%20disruption%22%20is%3Aopen");
  });

  it("stays under GitHub's 65,536 characters with hundreds of long reports, cutting lists shorter", () => {
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
    const body = render(many);
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(readAnalyticsMarker(body)).toBe("2026-10");
    expect(body).toContain("## Data problems (0)");
    // 50 rows each would be too long: the lists are cut at 20.
    expect(body).toContain("…and 280 more open reports");
    expect(body).toContain("…and 880 more open action items");
  });
});
