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
import { DateTime } from "luxon";
import { seeded } from "../dev/demo/sample-reports.js";
import type { AnalyticsIssue } from "../src/analytics/analytics-issue.js";
import { metricsFromRecords } from "../src/analytics/compute-monthly-metrics.js";
import { readReportRecords } from "../src/analytics/read-report-record.js";
import { renderMonthlyReport } from "../src/analytics/render-monthly-report.js";
import { DEFAULT_CONFIG, DEFAULT_TYPES } from "../src/config/config.js";

const COUNT = Number(process.argv[2] ?? 10_000);
const MONTH = "2026-10";
const ZONE = "Europe/Berlin";
const NOW = DateTime.fromISO("2026-11-01T09:00:00", { zone: ZONE });
const config = { ...DEFAULT_CONFIG, timeZone: ZONE };

const random = seeded(20261101);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const between = (low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

const SERVICES = [
  "api",
  "checkout",
  "search",
  "payments",
  "auth",
  "web",
  "mobile-backend",
  "notifications",
  "reporting",
  "cdn",
  "data-pipeline",
  "billing",
];
const PEOPLE = ["@alice", "@bob", "@carol", "@dave", "@erin", "@org/sre", "@org/payments-team"];
const SEVERITY_WEIGHTS = [
  "SEV1",
  "SEV2",
  "SEV2",
  "SEV3",
  "SEV3",
  "SEV3",
  "SEV3",
  "SEV4",
  "SEV4",
  "SEV5",
];
const WORDS =
  "the connection pool of the primary database ran out while a deploy rolled out and retries from the mobile clients amplified load on the gateway so checkout requests timed out for most customers in the region until the rollback finished and caches warmed up again".split(
    " ",
  );

function sentence(words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(pick(WORDS));
  const text = out.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(between(8, 18))).join(" ");
}

const format = (time: DateTime): string => time.toFormat("yyyy-MM-dd HH:mm");

/** A filled report body as the app writes it (see `disruptions fill`), 2–4 KB. */
function reportBody(index: number, started: DateTime): string {
  const services = [...new Set(Array.from({ length: between(1, 3) }, () => pick(SERVICES)))];
  const severity = pick(SEVERITY_WEIGHTS);
  const detected = started.plus({ minutes: between(0, 90) });
  const acknowledged = detected.plus({ minutes: between(1, 15) });
  const mitigated = acknowledged.plus({ minutes: between(5, 120) });
  const resolved = mitigated.plus({ minutes: between(5, 600) });
  const zone = index % 3 === 0 ? "UTC" : ZONE;
  const at = (time: DateTime) => `${format(time.setZone(zone))} ${zone}`;
  const timeline = Array.from(
    { length: between(4, 14) },
    (_, row) =>
      `| ${format(started.plus({ minutes: row * 7 }))} | ${pick(PEOPLE)} | ${sentence(between(5, 12))} | ${pick(["positive", "negative", "neutral"])} |`,
  );
  const items = Array.from({ length: between(1, 6) }, () => {
    const done = random() < 0.6 ? "x" : " ";
    const due = started.plus({ days: between(3, 60) }).toISODate();
    const dropped = random() < 0.05 ? "~~" : "";
    return `- [${done}] ${dropped}${pick(PEOPLE)} ${sentence(between(4, 9)).toLowerCase()}${dropped} (due ${due}) #${between(1, index + 1)}`;
  });
  const lessons =
    random() < 0.15
      ? "<!-- At least three key learnings. -->"
      : `- ${sentence(8)}\n- ${sentence(9)}\n- ${sentence(7)}`;
  const unreadable = index % 397 === 0;
  return [
    "## Overview",
    "",
    "| Field | Value |",
    "| --- | --- |",
    `| Services | ${services.join(", ")} |`,
    `| Type | ${pick(DEFAULT_TYPES)} |`,
    `| Severity | ${severity} |`,
    `| Started | ${unreadable ? "yesterday evening" : at(started)} |`,
    `| Detected | ${at(detected)} |`,
    `| Acknowledged | ${at(acknowledged)} |`,
    `| Mitigated | ${at(mitigated)} |`,
    `| Resolved | ${at(resolved)} |`,
    `| People involved | ${pick(PEOPLE)}, ${pick(PEOPLE)} |`,
    `| Incident commander | ${pick(PEOPLE)} |`,
    `| Customer impact | ${pick(["Yes", "No", "Unknown"])} |`,
    "| Length | |",
    "| Time to detect | |",
    "| Time to acknowledge | |",
    "| Time to mitigate | |",
    "| Time to resolve | |",
    "| Action items | |",
    "",
    "## Summary",
    "",
    paragraph(3),
    "",
    "## Timeline",
    "",
    "| Time | Party | Event | Effect |",
    "| --- | --- | --- | --- |",
    ...timeline,
    "",
    "## Contributing factors",
    "",
    paragraph(between(2, 5)),
    "",
    "## Retrospective",
    "",
    "### What went well",
    "",
    paragraph(2),
    "",
    "### What went poorly",
    "",
    paragraph(2),
    "",
    "### Lessons",
    "",
    lessons,
    "",
    "## Action items",
    "",
    ...items,
    "",
    "## Supporting documentation",
    "",
    `- https://grafana.example.com/d/${index}/overview`,
    `- https://chat.example.com/archives/C0${index}`,
  ].join("\n");
}

function generate(count: number): AnalyticsIssue[] {
  const first = DateTime.fromISO("2025-10-01T00:00:00", { zone: ZONE });
  const span = DateTime.fromISO("2026-11-01T00:00:00", { zone: ZONE }).diff(first).toMillis();
  return Array.from({ length: count }, (_, index) => {
    const started = first.plus({ milliseconds: Math.floor(random() * span) }).startOf("minute");
    const closed = started < NOW.minus({ days: 20 }) && random() < 0.95;
    const labels = ["disruption"];
    if (index % 250 === 0) labels.push("disruption-analytics");
    return {
      number: index + 1,
      title: `${pick(SERVICES)}: ${sentence(between(3, 8)).slice(0, -1)}`,
      url: `https://github.com/acme/disruptions/issues/${index + 1}`,
      body: reportBody(index + 1, started),
      state: closed ? "closed" : "open",
      stateReason: closed ? (index % 101 === 0 ? "duplicate" : "completed") : null,
      createdAt: started.plus({ hours: 2 }).toUTC().toISO() ?? "",
      closedAt: closed ? (started.plus({ days: 10 }).toUTC().toISO() ?? "") : null,
      labels,
    };
  });
}

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
