/**
 * Median time to parse a report body of GitHub's maximum size (65,536 characters).
 * Target (issue 2): under 50 ms on the CI machine. Run: `npm run bench:parse`.
 */
import { performance } from "node:perf_hooks";
import { MAX_BODY_LENGTH } from "../src/limits/github-limits.js";
import { fillReport } from "../src/report/fill-report.js";
import { parseReport, readReport } from "../src/report/parse-report.js";
import { readStructure } from "../src/report/read-structure.js";
import { updateDerivedRows } from "../src/report/update-derived-rows.js";
import { formBody } from "../test/fixtures/form-body.js";
import { ADVERSARIAL_BODIES } from "./adversarial-bodies.js";

const LIMIT = MAX_BODY_LENGTH;

/** A filled report whose timeline and action items grow until the body reaches the limit. */
export function largeReportBody(limit = LIMIT): string {
  const head = formBody({
    "Affected services": "api, checkout, search",
    "Disruption type": "Infrastructure",
    Severity: "SEV2 — major functionality broken",
    "Started at": "2026-11-20 14:05 Europe/Berlin",
    "Detected at": "2026-11-20 14:12 Europe/Berlin",
    "Resolved at": "2026-11-20 16:40 Europe/Berlin",
    Summary:
      "Checkout failed for most customers because the connection pool of the primary database was exhausted.",
    // The timeline's rows follow the head.
    Timeline: "| Time | Party | Event | Effect |\n| --- | --- | --- | --- |",
  });
  const rows: string[] = [];
  const items: string[] = [];
  let size = head.length + 40;
  for (let i = 0; size < limit - 200; i += 1) {
    const row = `| 14:${String(i % 60).padStart(2, "0")} | @oncall-${i % 7} | Restarted worker ${i}; queue depth \\| latency checked | ${i % 3 === 0 ? "positive" : "neutral"} |`;
    const item = `- [${i % 2 ? "x" : " "}] @team-${i % 5} add alert ${i} on pool saturation #${1000 + i} (due 2026-12-${String((i % 28) + 1).padStart(2, "0")})`;
    rows.push(row);
    items.push(item);
    size += row.length + item.length + 2;
  }
  return `${head}\n${rows.join("\n")}\n\n### Action items\n\n${items.join("\n")}`.slice(0, limit);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The median and the slowest of `runs` calls (after five warm-up calls), in milliseconds of wall
 * time, and the median CPU time of a call: the figure a machine loaded by other work inflates
 * least (the process's user and system time; a garbage collection on another thread counts too).
 */
function sample(fn: () => unknown, runs: number): { median: number; max: number; cpu: number } {
  for (let i = 0; i < 5; i += 1) fn();
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  return { median: median(times), max: Math.max(...times), cpu: median(cpus) };
}

function measure(label: string, fn: () => unknown, runs = 30): number {
  const { median: mid, max, cpu } = sample(fn, runs);
  console.log(
    `${label}: median ${mid.toFixed(1)} ms (CPU ${cpu.toFixed(1)} ms), max ${max.toFixed(1)} ms over ${runs} runs`,
  );
  return mid;
}

const body = largeReportBody();
const filled = fillReport(body);
const parsed = parseReport(body);
console.log(
  `body: ${body.length} characters, ${parsed.actionItems.length} action items; read by ${readStructure(body).path} (filled: by ${readStructure(filled).path})`,
);
const baseline = measure("parse (form shape, 65,536 chars)", () => parseReport(body));
measure("parse (filled shape)", () => parseReport(filled));
measure("fill", () => fillReport(body));
// The path taken when the line scanner is not sure of a body: the whole document is parsed.
measure("parse (form shape, whole-document path)", () => readReport(body, {}, "document"));

// The worst case: every adversarial body read every way the app reads a body (parse, the
// whole-document path, fill, updating the derived rows), against the ordinary body above.
console.log(
  "\nadversarial bodies (65,536 chars), slowest of parse / document path / fill / update:",
);
let worst = { label: "", median: 0, max: 0, cpu: 0 };
for (const [label, text] of Object.entries(ADVERSARIAL_BODIES)) {
  const once = parseReport(text);
  const calls: (() => unknown)[] = [
    () => parseReport(text),
    () => readReport(text, {}, "document"),
    () => fillReport(text),
    () => updateDerivedRows(text, once),
  ];
  const figures = calls.map((call) => sample(call, 10));
  const slowest = figures.reduce((a, b) => (b.median > a.median ? b : a));
  const max = Math.max(...figures.map((figure) => figure.max));
  console.log(
    `  ${label}: median ${slowest.median.toFixed(1)} ms (CPU ${slowest.cpu.toFixed(1)} ms), max ${max.toFixed(1)} ms (${(slowest.median / baseline).toFixed(2)}× the ordinary parse)`,
  );
  if (slowest.median > worst.median)
    worst = { label, median: slowest.median, max, cpu: slowest.cpu };
}
console.log(
  `worst case: ${worst.label}: median ${worst.median.toFixed(1)} ms (CPU ${worst.cpu.toFixed(1)} ms), max ${worst.max.toFixed(1)} ms; ${(worst.median / baseline).toFixed(2)}× the ordinary parse (${baseline.toFixed(1)} ms); target: well under 100 ms`,
);
