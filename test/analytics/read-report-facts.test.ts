import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnalyticsIssue } from "../../src/analytics/analytics-issue.js";
import { readReportFacts } from "../../src/analytics/read-report-facts.js";
import { configSchema } from "../../src/config/config.js";
import { parseReport } from "../../src/report/parse-report.js";
import { TIME_FIELDS } from "../../src/report/types.js";
import { generateReports } from "./reference/generate-reports.js";
import { sampleIssues } from "./sample-month.js";

/**
 * The analytics read a body with the parser's own steps, and only those they need: every value
 * must equal what the whole parse (`parseReport`) reads, on every golden body (issue.md and
 * filled.md), the reference reports and the sample month, in zones on both sides of UTC.
 */
const BODIES = join(import.meta.dirname, "../fixtures/bodies");
const golden = readdirSync(BODIES).flatMap((name) =>
  ["issue.md", "filled.md"].flatMap((file) => {
    try {
      return [{ name: `${name}/${file}`, body: readFileSync(join(BODIES, name, file), "utf8") }];
    } catch {
      return [];
    }
  }),
);
const NOW = Date.parse("2027-04-07T09:30:00Z");
const generated = [
  ...generateReports(150, "Europe/Berlin", NOW, 3),
  ...generateReports(150, "America/New_York", NOW, 5),
].map((truth, index) => ({ name: `reference ${index}`, body: truth.issue.body }));
const sample = sampleIssues.map((issue) => ({ name: `sample #${issue.number}`, body: issue.body }));

function issueOf(body: string): AnalyticsIssue {
  return {
    number: 1,
    title: "A disruption",
    url: "https://github.com/acme/ops/issues/1",
    body,
    state: "closed",
    stateReason: "completed",
    createdAt: "2026-10-01T10:00:00Z",
    closedAt: "2026-10-02T10:00:00Z",
    labels: ["disruption"],
  };
}

describe.each(["Europe/Berlin", "Pacific/Auckland", "America/Los_Angeles"])(
  "readReportFacts in %s",
  (timeZone) => {
    const config = configSchema.parse({ timeZone });
    it.each([...golden, ...generated, ...sample])("reads $name as parseReport does", ({ body }) => {
      const facts = readReportFacts(issueOf(body), { timeZone, config });
      const parsed = parseReport(body, { timeZone, types: config.types });
      const iso = (times: typeof facts.times) =>
        TIME_FIELDS.map((field) => [field, times[field]?.toISO(), times[field]?.zoneName]);
      expect({ ...facts, times: iso(facts.times) }).toEqual({
        services: parsed.report.services,
        type: parsed.report.type,
        severity: parsed.report.severity,
        customerImpact: parsed.report.customerImpact,
        times: iso(parsed.times),
        durations: parsed.durations,
        actionItems: parsed.actionItems,
        lessonsEmpty: parsed.sections.find((section) => section.name === "Lessons")?.empty,
        startedProblem:
          parsed.problems.find((problem) => problem.field === "started")?.message ?? null,
      });
    });
  },
);
