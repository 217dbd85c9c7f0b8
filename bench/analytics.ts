/**
 * The monthly report over 10,000 generated reports of realistic size (2–4 KB filled bodies, 1–6
 * action items, 13 months of Started times). Target (issue 5): under 5 s and under 300 MB peak
 * memory on the CI machine. Run: `npx tsx bench/analytics.ts [count]` (add `--expose-gc` before the
 * file name to also see the live heap after a full collection).
 *
 * The data is generated from a fixed seed, so every run reads the same reports.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { metricsFromRecords } from "../src/analytics/compute-monthly-metrics.js";
import { readReportRecords } from "../src/analytics/read-report-record.js";
import { renderMonthlyReport } from "../src/analytics/render-monthly-report.js";
import { config, generate, MONTH, NOW, ZONE } from "./analytics-data.js";

const COUNT = Number(process.argv[2] ?? 10_000);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const issues = generate(COUNT);
const sizes = issues.map((issue) => issue.body.length).sort((a, b) => a - b);
const before = process.memoryUsage();
console.log(
  `${COUNT} reports, bodies ${sizes[0]}–${sizes.at(-1)} characters (median ${sizes[Math.floor(sizes.length / 2)]}); before: rss ${mb(before.rss)}, heap ${mb(before.heapUsed)}`,
);

let peakHeap = before.heapUsed;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const start = performance.now();
const records = readReportRecords(issues, { timeZone: ZONE, config });
const read = performance.now();
sample();
const result = metricsFromRecords(records, { period: MONTH, timeZone: ZONE, now: NOW, config });
const computed = performance.now();
const body = renderMonthlyReport(result, { repo: "acme/disruptions", reportLabel: "disruption" });
const rendered = performance.now();
sample();

if (process.env.SHOW_FIGURES) console.log(JSON.stringify(result.figures, null, 2));
console.log(`markdown: ${body.length} characters`);
console.log(
  `time: ${((rendered - start) / 1000).toFixed(2)} s in all — parse ${((read - start) / 1000).toFixed(2)} s (${((read - start) / records.length).toFixed(2)} ms a report), figures ${(computed - read).toFixed(0)} ms, markdown ${(rendered - computed).toFixed(0)} ms`,
);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
console.log(
  `memory: peak rss ${mb(process.resourceUsage().maxRSS * 1024)} (process high-water mark, generation included), heap ${mb(peakHeap)} at its highest sample${gc ? `, ${mb(process.memoryUsage().heapUsed)} live after a full GC (issues, records and result)` : ""}`,
);

/*
 * The same report as a user runs it: `disruptions report --input issues.json` (the built CLI) in a
 * process of its own, so that its peak memory is the command's alone, not the generator's.
 */
const file = join(mkdtempSync(join(tmpdir(), "disruptions-bench-")), "issues.json");
writeFileSync(
  file,
  JSON.stringify(
    issues.map((issue) => ({
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
const cli = new URL("../dist/cli/main.js", import.meta.url).href;
const child = spawnSync(
  process.execPath,
  [
    "--input-type=module",
    "-e",
    `const { runCli } = await import(${JSON.stringify(cli)});
     const started = performance.now();
     let out = 0;
     const code = await runCli(${JSON.stringify(["report", "--month", MONTH, "--tz", ZONE, "--now", NOW.toISO(), "--format", "markdown", "--input", file])}, {
       stdin: process.stdin, stdout: (text) => { out += text.length; }, stderr: (text) => process.stderr.write(text),
     });
     console.log(JSON.stringify({ code, out, ms: performance.now() - started, maxRss: process.resourceUsage().maxRSS * 1024 }));`,
  ],
  { encoding: "utf8" },
);
const run = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as {
  code: number;
  out: number;
  ms: number;
  maxRss: number;
};
console.log(
  `CLI (disruptions report --input, ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB of JSON): exit ${run.code}, ${(run.ms / 1000).toFixed(2)} s (reading the file included), peak rss ${mb(run.maxRss)}`,
);
