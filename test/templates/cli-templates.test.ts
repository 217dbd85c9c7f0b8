import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { TEMPLATE_FIXTURES, templateCases } from "./fixtures.js";

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdin: Readable.from([""]),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

const instant = (iso: string | null) => (iso ? DateTime.fromISO(iso).toMillis() : null);

describe.each(templateCases())(
  "disruptions on preset fixture $name",
  ({ name, file, expected }) => {
    const config = join(TEMPLATE_FIXTURES, name, "template.yml");

    it("parse --config finds the fields a reader finds, and says where", async () => {
      const { code, stdout, stderr } = await cli(["parse", file, "--config", config]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      const { report, template } = JSON.parse(stdout);
      expect(report.services).toEqual(expected.services);
      expect(report.severity).toBe(expected.severity);
      expect(report.type).toBe(expected.type);
      for (const field of ["started", "detected", "resolved"] as const)
        expect(instant(report[field])).toBe(instant(expected[field]));
      expect(template.name).toMatch(
        /^(upptime|pagerduty-postmortem|retrospective|blameless-postmortem|custom)$/,
      );
    });

    it("summary prints the external summary (golden summary.md)", async () => {
      const { code, stdout } = await cli(["summary", file, "--config", config]);
      expect(code).toBe(0);
      expect(stdout).toBe(readFileSync(join(TEMPLATE_FIXTURES, name, "summary.md"), "utf8"));
    });
  },
);

describe("--template and --config on the body commands", () => {
  const pagerduty = join(TEMPLATE_FIXTURES, "pagerduty-postmortem/issue.md");

  it("--template reads a body as a preset without any config file", async () => {
    const { code, stdout } = await cli(["parse", pagerduty, "--template", "pagerduty-postmortem"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).report.services).toEqual(["Checkout API", "Payments worker"]);
  });

  it("without a template the same body is free text: no started time, no services", async () => {
    const { stdout } = await cli(["parse", pagerduty]);
    const { report, template } = JSON.parse(stdout);
    expect(report.started).toBeNull();
    expect(template).toBeUndefined();
  });

  it("an unknown preset is a usage error that lists the presets", async () => {
    const { code, stderr } = await cli(["parse", pagerduty, "--template", "jira"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "--template jira is not a preset: use one of upptime, pagerduty-postmortem",
    );
  });

  it("--template upptime makes `status` the report label", async () => {
    const issue = join(TEMPLATE_FIXTURES, "upptime-down/issue.json");
    const { stdout } = await cli(["parse", issue, "--template", "upptime"]);
    expect(JSON.parse(stdout).labels[0]).toBe("status");
  });

  it("fill adds only the Overview table at the end: the team's lines stay as they were", async () => {
    const body = readFileSync(pagerduty, "utf8");
    const { code, stdout } = await cli(["fill", pagerduty, "--template", "pagerduty-postmortem"]);
    expect(code).toBe(0);
    expect(stdout.startsWith(body)).toBe(true);
    expect(stdout.slice(body.length)).toMatch(/^\n## Overview\n\n\| Field \| Value \|/);
    // Fields the team wrote (times, services) are not copied into the table.
    expect(stdout.slice(body.length)).not.toContain("| Started |");
    expect(stdout.slice(body.length)).toContain("| Length | 49 min |");
  });

  it("--template is not an option of report", async () => {
    const { code, stderr } = await cli([
      "report",
      "--period",
      "2026-10",
      "--input",
      "x.json",
      "--template",
      "upptime",
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("--template is an option of parse, fill and summary");
  });
});
