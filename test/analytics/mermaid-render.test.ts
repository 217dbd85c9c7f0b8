import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalyticsIssue } from "../../src/analytics/analytics-issue.js";
import { computeMonthlyMetrics } from "../../src/analytics/compute-monthly-metrics.js";
import { renderIssueParts } from "../../src/analytics/render-monthly-report.js";
import { launchChromium, serveFiles } from "../helpers/chromium.js";
import { reportIssue } from "./build-issue.js";
import { config, NOW, sampleIssues, ZONE } from "./sample-month.js";

/**
 * Every Mermaid block of every kind of generated issue, parsed and drawn by the real `mermaid`
 * library (the one GitHub's viewer runs) in headless Chromium: a block that does not parse, or
 * draws without its data, fails here rather than on GitHub.
 */
const mermaidDist = join(
  dirname(createRequire(import.meta.url).resolve("mermaid")),
  "mermaid.min.js",
);

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script src="/mermaid.js"></script></head>
<body><script>mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });</script></body></html>`;

/** Issues of every shape: a month, an empty month, a quarter, several repositories, a long one. */
function issueBodies(): { name: string; blocks: string[] }[] {
  const inRepo = (repo: string, issue: AnalyticsIssue): AnalyticsIssue => ({
    ...issue,
    url: issue.url.replace("acme/ops", repo),
  });
  const orgWide = [...sampleIssues, ...sampleIssues.map((issue) => inRepo("acme/web", issue))];
  const many = Array.from({ length: 260 }, (_, index) =>
    reportIssue(index + 1, {
      services: `service-${index % 30}`,
      severity: `SEV${(index % 5) + 1}`,
      started: `2026-${String((index % 12) + 1).padStart(2, "0")}-1${index % 10} 0${index % 10}:00`,
      detected: `2026-${String((index % 12) + 1).padStart(2, "0")}-1${index % 10} 0${index % 10}:1${index % 6}`,
      mitigated: `2026-${String((index % 12) + 1).padStart(2, "0")}-1${index % 10} 0${index % 10}:4${index % 6}`,
      resolved: `2026-${String((index % 12) + 1).padStart(2, "0")}-1${index % 10} 1${index % 10}:00`,
      actionItems: [`- [ ] @alice ${"check the pool again ".repeat(10)} (due 2026-10-01)`],
    }),
  );
  const cases: [string, AnalyticsIssue[], string][] = [
    ["October 2026", sampleIssues, "2026-10"],
    ["June 2026 (empty month)", sampleIssues, "2026-06"],
    ["Q1 2027 (across a year end)", sampleIssues, "2027-Q1"],
    ["2026 (a year)", sampleIssues, "2026"],
    ["October 2026 in two repositories", orgWide, "2026-10"],
    ["2026 with 260 reports", many, "2026"],
  ];
  return cases.map(([name, issues, period]) => {
    const result = computeMonthlyMetrics(issues, { period, timeZone: ZONE, now: NOW, config });
    const text = renderIssueParts(result, { repo: "acme/ops", reportLabel: "disruption" }).join(
      "\n",
    );
    return {
      name,
      blocks: [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1] ?? ""),
    };
  });
}

let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof serveFiles>>;
const consoleErrors: string[] = [];

beforeAll(async () => {
  server = await serveFiles({
    "/": { text: PAGE, type: "text/html" },
    "/mermaid.js": { file: mermaidDist, type: "text/javascript" },
  });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.goto(server.url);
  await page.waitForFunction("'mermaid' in window");
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Parses and draws one block; the SVG's text and its shapes by kind. */
async function draw(source: string, id: string) {
  // Runs in the page (its DOM, not Node's): written as the browser reads it.
  return page.evaluate(
    `(async ({ source, id }) => {
      await mermaid.parse(source);
      const { svg } = await mermaid.render(id, source);
      const holder = document.createElement("div");
      holder.innerHTML = svg;
      return {
        text: holder.textContent ?? "",
        slices: holder.querySelectorAll("path.pieCircle").length,
        bars: holder.querySelectorAll(".bar-plot-0 rect").length,
        lines: holder.querySelectorAll(".line-plot-0 path").length,
        fills: [...holder.querySelectorAll("path.pieCircle")].map((path) => path.getAttribute("fill")),
      };
    })(${JSON.stringify({ source, id })})`,
  ) as Promise<{ text: string; slices: number; bars: number; lines: number; fills: string[] }>;
}

describe("every Mermaid block of every generated issue, drawn by mermaid in Chromium", () => {
  const cases = issueBodies();

  it("has blocks to draw in every case but the empty month's charts", () => {
    expect(cases.map((entry) => entry.blocks.length > 0)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it.each(cases.map((entry) => [entry.name, entry.blocks] as const))(
    "%s: parses and draws each block with its data",
    async (name, blocks) => {
      for (const [index, block] of blocks.entries()) {
        const drawn = await draw(block, `chart-${name.replace(/\W/g, "")}-${index}`);
        if (block.includes("pie showData")) {
          const slices = [...block.matchAll(/^ {2}"(.*)" : (\d+)$/gm)];
          expect(drawn.slices).toBe(slices.length);
          for (const [, label] of slices) expect(drawn.text).toContain(`${label}`);
          for (const [, , value] of slices) expect(drawn.text).toContain(`[${value}]`);
        } else if (block.includes("bar [")) {
          const values = (/bar \[(.*)\]/.exec(block)?.[1] ?? "").split(", ");
          expect(drawn.bars).toBe(values.length);
        } else {
          expect(block).toContain("line [");
          expect(drawn.lines).toBe(1);
          const labels = JSON.parse(`[${/x-axis \[(.*)\]/.exec(block)?.[1]}]`) as string[];
          for (const label of labels) expect(drawn.text).toContain(label);
        }
      }
      expect(consoleErrors).toEqual([]);
    },
    60_000,
  );

  it("colours the severity slices from the theme variables: SEV1 red whichever levels occur", async () => {
    const october = cases[0]?.blocks.find((block) => block.includes("Severity")) ?? "";
    const drawn = await draw(october, "severity-colours");
    expect(drawn.fills).toEqual(["#b60205", "#e4572e", "#f2a23a"]);
  });
});
