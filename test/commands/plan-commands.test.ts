import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/commands/parse-command.js";
import { type CommandPlan, planCommands } from "../../src/commands/plan-commands.js";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { fillReport } from "../../src/report/fill-report.js";

const formBody = readFileSync(join(import.meta.dirname, "../../examples/form-report.md"), "utf8");
/** The filled example: started 14:05, detected 14:12, mitigated 14:40, resolved 15:30 UTC, SEV2. */
const filled = fillReport(formBody);
const reportLabels = [
  "disruption",
  "type: infrastructure",
  "severity: sev2",
  "service: api",
  "service: checkout",
];
const noTable = "## Summary\n\nThe API was slow.\n";
const plain = "Something looks off with checkout.";
const COMMENT_ID = 4242;

/** The plan for command lines written by maya at 15:45 UTC on the day of the example. */
function plan(
  body: string,
  lines: string[],
  isReport = true,
  labels: readonly string[] = isReport ? ["disruption"] : [],
): CommandPlan {
  const commands = lines.map((line) => {
    const parsed = parseCommand(line);
    if (!parsed.ok) throw new Error(`${line}: ${parsed.message}`);
    return { line, command: parsed.command };
  });
  return planCommands({
    body,
    labels,
    isReport,
    config: DEFAULT_CONFIG,
    commands,
    actor: "maya",
    commentId: COMMENT_ID,
    now: DateTime.fromISO("2026-11-20T15:45:30Z", { setZone: true }),
    issueCreatedAt: DateTime.fromISO("2026-11-20T14:20:00Z", { setZone: true }),
  });
}

const notAReport =
  "this issue is not a disruption report (it has no `disruption` label): `/disruption declare` makes it one";
const noOverview =
  "this report has no Overview table (`| Field | Value |` under `## Overview`) to write it in: add the table, or write the value there by hand";
const notABodyCommand = "this command does not change the report; write it in a comment of its own";

describe("planCommands: which plan for which body", () => {
  it.each<[string, string, string[], boolean, { line: string; message: string }[]]>([
    [
      "a body command on an issue that is not a report",
      plain,
      ["/disruption severity SEV1"],
      false,
      [{ line: "/disruption severity SEV1", message: notAReport }],
    ],
    [
      "a report without an Overview table",
      noTable,
      ["/disruption resolved 15:30"],
      true,
      [{ line: "/disruption resolved 15:30", message: noOverview }],
    ],
    [
      "a type the repository does not have",
      filled,
      ["/disruption type Volcano"],
      true,
      [
        {
          line: "/disruption type Volcano",
          message:
            "`Volcano` is not one of this repository's types: write one of Infrastructure, Critical bug, Data provider, Third party, Deployment, Configuration, Capacity, Security, Network, Other",
        },
      ],
    ],
    [
      "a time that puts Detected before Started",
      filled,
      ["/disruption detected 14:00"],
      true,
      [
        {
          line: "/disruption detected 14:00",
          message: expect.stringMatching(/^Detected .*14:00.* is before Started .*14:05/),
        },
      ],
    ],
    [
      "a time later than the comment",
      filled,
      ["/disruption timeline 2026-11-20 16:00 UTC deploy"],
      true,
      [{ line: "/disruption timeline 2026-11-20 16:00 UTC deploy", message: expect.any(String) }],
    ],
    [
      "a command that does not change the body, beside one that does: every reason, in order",
      filled,
      ["/disruption summary", "/disruption type Volcano", "/disruption severity SEV1"],
      true,
      [
        { line: "/disruption summary", message: notABodyCommand },
        { line: "/disruption type Volcano", message: expect.stringContaining("`Volcano`") },
      ],
    ],
  ])("refused: %s", (_, body, lines, isReport, refusals) => {
    expect(plan(body, lines, isReport)).toEqual({ kind: "refused", refusals });
  });

  it.each<[string, string, string[], boolean, string[], string[]]>([
    [
      "declare on a plain issue: filled, Started from the issue's creation, the report label",
      plain,
      ["/disruption declare"],
      false,
      [
        "| Started | 2026-11-20 14:20 UTC |",
        "| 2026-11-20 15:45 UTC | maya | Declared a disruption | neutral <!-- dr:c=4242 --> |",
      ],
      ["disruption"],
    ],
    [
      "declare, then a body command on the issue it made a report",
      plain,
      ["/disruption declare", "/disruption severity SEV1"],
      false,
      ["| Severity | SEV1 — complete outage |", "| maya | Severity set to SEV1 |"],
      ["disruption", "severity: sev1"],
    ],
    [
      "severity on a report: the value, its row, the label follows",
      filled,
      ["/disruption severity SEV1"],
      true,
      [
        "| Severity | SEV1 — complete outage |",
        "| 2026-11-20 15:45 UTC | maya | Severity changed from SEV2 to SEV1 | neutral <!-- dr:c=4242 --> |",
      ],
      ["severity: sev1"],
    ],
    [
      "a form-shaped body is filled before a value is set",
      formBody,
      ["/disruption type Network"],
      true,
      ["| Type | Network |", "| maya | Type changed from Infrastructure to Network |"],
      ["type: network"],
    ],
    [
      "a timeline entry at a clock time, helping recovery",
      filled,
      ["/disruption timeline 15:10 failover done +"],
      true,
      ["| 2026-11-20 15:10 UTC | maya | failover done | positive <!-- dr:c=4242 --> |"],
      [],
    ],
  ])("written: %s", (_, body, lines, isReport, contains, added) => {
    const result = plan(body, lines, isReport);
    if (result.kind !== "write") throw new Error(`expected a write, got ${JSON.stringify(result)}`);
    for (const text of contains) expect(result.body).toContain(text);
    for (const label of added) expect(result.labels.add).toContain(label);
  });

  it("unchanged: a comment the body already holds rows of (a redelivery)", () => {
    const once = plan(filled, ["/disruption timeline 15:10 failover done +"]);
    if (once.kind !== "write") throw new Error("expected a write");
    expect(plan(once.body, ["/disruption severity SEV1"])).toEqual({
      kind: "unchanged",
      reason: "applied",
    });
  });

  it("declare on a report that is one already adds nothing to the body; with its labels, nothing at all", () => {
    expect(plan(filled, ["/disruption declare"], true, reportLabels)).toEqual({
      kind: "unchanged",
      reason: "nothing",
    });
    const labelsOnly = plan(filled, ["/disruption declare"]);
    expect(labelsOnly).toMatchObject({ kind: "write", body: filled });
  });
});
