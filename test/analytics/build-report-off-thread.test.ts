import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { buildReport, type ReportJob } from "../../src/analytics/build-report.js";
import { buildReportOffThread } from "../../src/analytics/build-report-off-thread.js";
import { configSchema } from "../../src/config/config.js";
import { generateReports } from "./reference/generate-reports.js";

const ZONE = "Europe/Berlin";
const job: ReportJob = {
  // Enough reports that computing them in place holds the loop well past 300 ms on a quiet
  // machine (1,200 took 299 ms once the analytics got faster).
  issues: generateReports(3000, ZONE, Date.parse("2027-04-07T09:30:00Z"), 3).map(
    (truth) => truth.issue,
  ),
  period: "2026-Q4",
  now: "2027-04-07T11:30:00+02:00",
  config: configSchema.parse({ timeZone: ZONE }),
  repo: "acme/ops",
  parts: true,
};

/** The longest the event loop went without running a 5 ms timer while `work` was under way. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

describe("buildReportOffThread", () => {
  it("gives what buildReport gives, while the event loop keeps running", async () => {
    await buildReportOffThread({ ...job, issues: job.issues.slice(0, 10) }); // the worker is up
    let output: Awaited<ReturnType<typeof buildReportOffThread>> | undefined;
    const offThread = await longestStall(async () => {
      output = await buildReportOffThread(job);
    });
    let inPlace: ReturnType<typeof buildReport> | undefined;
    const blocked = await longestStall(async () => {
      inPlace = buildReport(job);
    });
    expect(output).toEqual(inPlace);
    expect(output?.result.figures.disruptions).toBeGreaterThan(100);
    // Computing in place holds the loop for the whole run; the worker leaves it a small part of it.
    expect(blocked).toBeGreaterThan(300);
    expect(offThread).toBeLessThan(blocked / 4);
  }, 60_000);

  it("rejects with the core's error, and the next job still runs", async () => {
    await expect(buildReportOffThread({ ...job, period: "2026-13" })).rejects.toMatchObject({
      name: "InvalidPeriod",
      message: expect.stringContaining("`2026-13` is not a period"),
    });
    const next = await buildReportOffThread({ ...job, issues: job.issues.slice(0, 50) });
    expect(next.result.figures.month).toBe("2026-Q4");
  }, 60_000);
});
