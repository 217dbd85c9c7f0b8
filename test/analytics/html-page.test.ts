import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { launchChromium, serveFiles } from "../helpers/chromium.js";
import { NOW, sampleIssues, ZONE } from "./sample-month.js";

/**
 * `disruptions report --format html` as a team publishes it: the page the command prints, loaded
 * in headless Chromium from a loopback server. It asks for nothing else, logs no error, and every
 * chart carries its numbers, the same as the table beside it. `SCREENSHOT=docs/analytics-page.png`
 * saves what it looks like (the picture in the README).
 */
async function pageFromCli(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "disruptions-html-")), "issues.json");
  writeFileSync(
    file,
    JSON.stringify(
      sampleIssues.map((issue) => ({
        number: issue.number,
        title: issue.title,
        url: issue.url,
        body: issue.body,
        labels: issue.labels.map((name) => ({ name })),
        state: issue.state.toUpperCase(),
        stateReason: issue.stateReason?.toUpperCase() ?? "",
        createdAt: issue.createdAt,
        closedAt: issue.closedAt,
      })),
    ),
  );
  let out = "";
  const code = await runCli(
    [
      "report",
      "--period",
      "2026-10",
      "--tz",
      ZONE,
      "--now",
      NOW.toISO() ?? "",
      "--format",
      "html",
      "--input",
      file,
    ],
    {
      stdin: Readable.from([]),
      stdout: (text) => {
        out += text;
      },
      stderr: () => {},
    },
  );
  expect(code).toBe(0);
  return out;
}

let browser: Browser;
let html: string;
let server: Awaited<ReturnType<typeof serveFiles>>;

beforeAll(async () => {
  html = await pageFromCli();
  server = await serveFiles({ "/": { text: html, type: "text/html" } });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("disruptions report --format html in Chromium", () => {
  it("is one self-contained page: no script, nothing loaded from elsewhere", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)="(?!data:|https:\/\/github\.com\/)/);
    expect(html.match(/<svg /g)).toHaveLength(7);
  });

  it("loads with no console error and no other request, and every chart has its numbers", async () => {
    const page = await browser.newPage({ viewport: { width: 1040, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(server.url);
    const charts = await page.$$eval("svg.chart", (svgs) =>
      svgs.map((svg) => ({
        title: svg.querySelector("title")?.textContent ?? "",
        marks: [...svg.querySelectorAll("rect title, circle title, path title")].map(
          (title) => title.textContent ?? "",
        ),
        values: [...svg.querySelectorAll(".value")].map((value) => value.textContent ?? ""),
        box: svg.getBoundingClientRect().height,
      })),
    );
    expect(errors).toEqual([]);
    expect(requests).toEqual([`${server.url}/`]);
    expect(charts.map((chart) => chart.title)).toEqual([
      "Disruptions by service, October 2026",
      "Severity, October 2026",
      "Type, October 2026",
      "Median minutes to detect, by month",
      "Median minutes to acknowledge, by month",
      "Median minutes to mitigate, by month",
      "Median minutes to resolve, by month",
    ]);
    for (const chart of charts) expect(chart.box).toBeGreaterThan(100);
    // The numbers as the tables and the figures state them (see compute-monthly-metrics.test.ts).
    expect(charts[0]?.marks).toEqual(["api: 3", "checkout: 1", "search: 1"]);
    expect(charts[0]?.values).toEqual(["3", "1", "1"]);
    expect(charts[1]?.marks).toEqual(["SEV1: 1", "SEV2: 1", "SEV3: 2"]);
    expect(charts[1]?.values).toEqual(["1", "1", "2", "0", "0"]);
    expect(charts[2]?.marks).toEqual(["Deployment: 3", "Infrastructure: 1"]);
    expect(charts[3]?.marks).toEqual(["Mar 26: 7.5", "Sep: 15", "Oct: 15"]);
    expect(charts[4]?.marks).toEqual(["Mar 26: 10", "Oct: 5"]);
    expect(charts[5]?.marks).toEqual(["Mar 26: 22.5", "Sep: 20", "Oct: 45"]);
    expect(charts[6]?.marks).toEqual(["Mar 26: 40", "Sep: 45", "Oct: 90"]);
    const tables = await page.$$eval("table", (list) => list.length);
    expect(tables).toBeGreaterThanOrEqual(9);
    if (process.env.SCREENSHOT)
      await page.screenshot({ path: process.env.SCREENSHOT, fullPage: false });
    await page.close();
  });
});
