/**
 * `disruptions report --input` (the built CLI, a process of its own) over 100,000 generated
 * reports, beside the baseline of the first 10,000 of them, with the ratios per report (linear
 * time, memory that does not grow with the input). Targets (issue 15): 100,000 reports under 20 s
 * and 1 GB; the issue measured 76 s and 1.9 GB before. Run: `npm run bench:analytics-cli` (it
 * builds first), or `npx tsx bench/analytics-cli.ts [count] [baseline]` after `npm run build`.
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AnalyticsIssue } from "../src/analytics/analytics-issue.js";
import { generate, MONTH, NOW, ZONE } from "./analytics-data.js";

const COUNT = Number(process.argv[2] ?? 100_000);
const BASELINE = Number(process.argv[3] ?? 10_000);
const directory = mkdtempSync(join(tmpdir(), "disruptions-bench-"));

/** A JSON array of issues as `gh issue list --json …` prints them, written one issue at a time. */
async function writeIssues(file: string, issues: readonly AnalyticsIssue[]): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string): Promise<void> =>
    out.write(text)
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once("drain", () => resolve()));
  await write("[");
  for (const [index, issue] of issues.entries()) {
    const entry = {
      number: issue.number,
      title: issue.title,
      url: issue.url,
      body: issue.body,
      labels: issue.labels.map((name) => ({ name })),
      state: issue.state.toUpperCase(),
      stateReason: issue.stateReason?.toUpperCase() ?? "",
      createdAt: issue.createdAt,
      closedAt: issue.closedAt,
    };
    await write(`${index === 0 ? "" : ","}\n${JSON.stringify(entry)}`);
  }
  await write("\n]\n");
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

interface Run {
  code: number;
  ms: number;
  /** CPU time of the process (user and system), ms: what a loaded machine does not inflate. */
  cpu: number;
  maxRss: number;
  out: number;
}

async function cli(file: string): Promise<Run> {
  const main = new URL("../dist/cli/main.js", import.meta.url).href;
  const args = ["report", "--period", MONTH, "--tz", ZONE, "--now", NOW.toISO() ?? ""];
  const child = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const { runCli } = await import(${JSON.stringify(main)});
       const started = performance.now();
       let out = 0;
       const code = await runCli(${JSON.stringify([...args, "--input", file])}, {
         stdin: process.stdin, stdout: (text) => { out += text.length; }, stderr: (text) => process.stderr.write(text),
       });
       console.log(JSON.stringify({ code, out, ms: performance.now() - started, cpu: (process.cpuUsage().user + process.cpuUsage().system) / 1000, maxRss: process.resourceUsage().maxRSS * 1024 }));`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  await new Promise((resolve) => child.once("close", resolve));
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Run;
}

const issues = generate(COUNT);
const full = join(directory, "issues.json");
const base = join(directory, "baseline.json");
await writeIssues(full, issues);
await writeIssues(base, issues.slice(0, BASELINE));
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const size = (file: string): string => mb(statSync(file).size);
const baseline = await cli(base);
const run = await cli(full);
const show = (name: string, count: number, file: string, result: Run): string =>
  `${name.padEnd(10)} ${String(count).padStart(7)} reports (${size(file)} of JSON): exit ${result.code}, ${(result.ms / 1000).toFixed(2)} s (CPU ${(result.cpu / 1000).toFixed(2)} s; ${((result.ms / count) * 1000).toFixed(0)} µs a report), peak rss ${mb(result.maxRss)}, ${result.out} characters of markdown`;
console.log(show("baseline", BASELINE, base, baseline));
console.log(show("full", COUNT, full, run));
console.log(
  `ratio full / baseline: time ${(run.ms / baseline.ms).toFixed(2)}× for ${(COUNT / BASELINE).toFixed(0)}× the reports (${(run.ms / COUNT / (baseline.ms / BASELINE)).toFixed(2)}× a report), peak rss ${(run.maxRss / baseline.maxRss).toFixed(2)}×`,
);
console.log(
  `targets for ${COUNT}: under 20 s (${run.ms < 20_000 ? "met" : `NOT met; CPU ${run.cpu < 20_000 ? "under" : "over"} 20 s`}), under 1 GB (${run.maxRss < 1024 ** 3 ? "met" : "NOT met"}); before this work the issue measured 76 s and 1.9 GB (time ${(76_000 / run.ms).toFixed(1)}× faster now)`,
);
