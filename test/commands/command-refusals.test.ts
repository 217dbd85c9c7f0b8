import { describe, expect, it } from "vitest";
import {
  configRefusal,
  readCommands,
  roleRefusal,
  unreadLines,
} from "../../src/commands/command-refusals.js";
import { type ParsedCommand, parseCommand } from "../../src/commands/parse-command.js";

const parsed = (...lines: string[]): ParsedCommand[] => lines.map(parseCommand);

describe("which comments are refused before the issue is read, and with what", () => {
  it.each<[string, ParsedCommand[], { line: string; message: string }[]]>([
    ["every line reads", parsed("/disruption resolved", "/disruption severity SEV2"), []],
    [
      "one line does not read: it alone is quoted, with how to write it",
      parsed("/disruption resolved", "/disruption severity SEV9"),
      [
        {
          line: "/disruption severity SEV9",
          message:
            "`SEV9` is not a severity: write SEV1 (complete outage) to SEV5 (false alarm). Write `/disruption severity SEV2` (SEV1 complete outage … SEV5 false alarm)",
        },
      ],
    ],
    [
      "an unknown verb",
      parsed("/disruption frobnicate"),
      [{ line: "/disruption frobnicate", message: expect.stringContaining("frobnicate") }],
    ],
  ])("unreadLines: %s", (_, commands, refusals) => {
    expect(unreadLines(commands)).toEqual(refusals);
  });

  it.each<[string, ParsedCommand[], string]>([
    [
      "quotes the first line",
      parsed("/disruption resolved", "/disruption type x"),
      "/disruption resolved",
    ],
    [
      "even when it does not read",
      parsed("/disruption severity SEV9"),
      "/disruption severity SEV9",
    ],
    ["says /disruption with no line", [], "/disruption"],
  ])("a refusal of the whole comment %s", (_, commands, line) => {
    expect(roleRefusal(commands, "read")).toEqual([
      { line, message: "commands need write access to this repository (your role: read)" },
    ]);
    expect(
      configRefusal(commands, {
        source: "acme/ops:.github/disruption-reports.yml",
        issues: [{ key: "timeZone", message: "is not an IANA time zone name" }],
      }),
    ).toEqual([
      {
        line,
        message:
          "`acme/ops:.github/disruption-reports.yml` is not valid: timeZone is not an IANA time zone name; fix it, then write the command again",
      },
    ]);
  });

  it("readCommands keeps the lines that read, with their commands, in order", () => {
    expect(
      readCommands(parsed("/disruption resolved 15:30", "/disruption nope", "/disruption declare")),
    ).toEqual([
      {
        line: "/disruption resolved 15:30",
        command: { verb: "time", field: "resolved", time: { kind: "clock", text: "15:30" } },
      },
      { line: "/disruption declare", command: { verb: "declare" } },
    ]);
  });
});
