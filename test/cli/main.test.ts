import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";

const root = join(import.meta.dirname, "../..");
const example = join(root, "examples/form-report.md");

async function cli(args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdin: Readable.from([stdin]),
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

describe("disruptions parse", () => {
  it("prints the report, durations, action items, closable, labels, sections and problems", async () => {
    const { code, stdout, stderr } = await cli(["parse", example]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual([
      "report",
      "durations",
      "actionItems",
      "closable",
      "labels",
      "sections",
      "problems",
    ]);
    expect(output.report.severity).toBe("SEV2");
    expect(output.durations.lengthMinutes).toBe(85);
    expect(output.closable).toBe(false);
    expect(output.labels).toEqual([
      "disruption",
      "type: infrastructure",
      "severity: sev2",
      "service: api",
      "service: checkout",
    ]);
  });

  it("reads standard input and applies --tz to times without a zone", async () => {
    const body = "### Started at\n\n2026-07-01 10:00\n\n### Detected at\n\n2026-07-01 10:30 UTC";
    const { code, stdout } = await cli(["parse", "--tz", "Europe/Berlin"], body);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.report.started).toBe("2026-07-01T10:00:00+02:00");
    expect(output.durations.ttdMinutes).toBe(150);
  });

  it("exits 0 with the problems in the output when the body is incomplete", async () => {
    const { code, stdout } = await cli(["parse"], "We lost the database for a while.");
    expect(code).toBe(0);
    const fields = JSON.parse(stdout).problems.map((problem: { field: string }) => problem.field);
    expect(fields).toEqual(["services", "type", "severity", "started", "detected"]);
  });

  it.each([
    [["parse", "does-not-exist.md"], "disruptions: cannot read does-not-exist.md: no such file\n"],
    [
      ["parse", "--tz", "Mars/Olympus"],
      "disruptions: --tz Mars/Olympus is not an IANA time zone name (for example UTC or Europe/Berlin)\n",
    ],
    [["frobnicate"], 'disruptions: unknown command "frobnicate" (see disruptions --help)\n'],
    [[], "disruptions: no command given (see disruptions --help)\n"],
    [["parse", "a.md", "b.md"], "disruptions: parse takes one file at most, got 2\n"],
  ])("exits 2 with a one-line message for %j", async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(message);
  });

  it("prints help with --help", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("disruptions <command>");
  });
});

describe("disruptions fill", () => {
  it("prints the canonical filled report", async () => {
    const { code, stdout } = await cli(["fill", example]);
    expect(code).toBe(0);
    expect(stdout).toContain("| Severity | SEV2 — major functionality broken |");
    expect(stdout).toContain("| Started | 2026-11-20 14:05 UTC |");
    expect(stdout).toContain("| Length | 1 h 25 min |");
    expect(stdout).toContain("| Action items | 1 of 2 done |");
    expect(stdout).toContain("- [ ] @alice add a connection-pool alert (due 2026-12-01)");
  });
});

describe("the installed command", () => {
  it("runs from bin/ against the build, as `npx disruptions` does", async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [
      join(root, "bin/disruptions.js"),
      "parse",
      example,
    ]);
    expect(JSON.parse(stdout).report.services).toEqual(["api", "checkout"]);
    expect(readFileSync(join(root, "bin/disruptions.js"), "utf8")).toMatch(
      /^#!\/usr\/bin\/env node/,
    );
  });
});
