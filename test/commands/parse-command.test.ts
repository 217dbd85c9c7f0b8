import { describe, expect, it } from "vitest";
import { commandLines } from "../../src/commands/command-lines.js";
import { parseCommand } from "../../src/commands/parse-command.js";

describe("commandLines", () => {
  it.each([
    ["/disruption mitigated", ["/disruption mitigated"]],
    [
      "\r\n  /disruption mitigated 14:40\r\n/Disruption timeline ok +\r\nthanks",
      ["/disruption mitigated 14:40", "/Disruption timeline ok +"],
    ],
    ["/disruption mitigated\n\n/disruption resolved", ["/disruption mitigated"]],
    ["> /disruption mitigated", []],
    ["```\n/disruption mitigated\n```", []],
    ["    /disruption mitigated", []],
    ["\t/disruption mitigated", []],
    ["please run /disruption mitigated", []],
    ["ok\n/disruption mitigated", []],
    ["/disruptionmitigated", []],
    ["<!-- /disruption mitigated -->", []],
  ])("%j → %j", (body, expected) => {
    expect(commandLines(body)).toEqual(expected);
  });
});

describe("parseCommand", () => {
  it.each([
    [
      "/disruption timeline rollback started",
      { verb: "timeline", time: null, text: "rollback started", effect: "neutral" },
    ],
    [
      "/disruption timeline 14:05 rollback started +",
      {
        verb: "timeline",
        time: { kind: "clock", text: "14:05" },
        text: "rollback started",
        effect: "positive",
      },
    ],
    [
      "/disruption timeline 14:05 Europe/Berlin paged db team -",
      {
        verb: "timeline",
        time: { kind: "clock", text: "14:05 Europe/Berlin" },
        text: "paged db team",
        effect: "negative",
      },
    ],
    [
      "/disruption timeline 2026-11-20 14:05 PST DB failover",
      {
        verb: "timeline",
        time: { kind: "full", text: "2026-11-20 14:05 PST" },
        text: "DB failover",
        effect: "neutral",
      },
    ],
    [
      "/disruption timeline 2026-11-20T14:05:30Z alert",
      {
        verb: "timeline",
        time: { kind: "full", text: "2026-11-20T14:05:30Z" },
        text: "alert",
        effect: "neutral",
      },
    ],
    [
      "/disruption timeline 14:05 DB failover",
      {
        verb: "timeline",
        time: { kind: "clock", text: "14:05" },
        text: "DB failover",
        effect: "neutral",
      },
    ],
    [
      "/disruption timeline 14:05 IST paged",
      {
        verb: "timeline",
        time: { kind: "clock", text: "14:05 IST" },
        text: "paged",
        effect: "neutral",
      },
    ],
    [
      "/disruption timeline a-b testing off",
      { verb: "timeline", time: null, text: "a-b testing off", effect: "neutral" },
    ],
    ["/disruption timeline sync", { verb: "timeline-sync" }],
    ["/disruption mitigated", { verb: "time", field: "mitigated", time: null }],
    [
      "/disruption resolved 2026-11-20 15:30 +01:00",
      { verb: "time", field: "resolved", time: { kind: "full", text: "2026-11-20 15:30 +01:00" } },
    ],
    ["/disruption severity sev-2", { verb: "severity", severity: "SEV2" }],
    ["/disruption type network", { verb: "type", type: "network" }],
    [
      "/disruption services api, web (eu-west-1, eu-central-1)",
      { verb: "services", services: ["api", "web (eu-west-1, eu-central-1)"] },
    ],
    ["/disruption declare", { verb: "declare" }],
    ["/disruption close moved to Q1", { verb: "close", reason: "moved to Q1" }],
    ["/disruption report 2026-10", { verb: "report", month: "2026-10" }],
  ])("%s", (line, command) => {
    expect(parseCommand(line)).toEqual({ ok: true, line, command });
  });

  it.each([
    ["/disruption timeline", "say what happened"],
    ["/disruption timeline 14:05 +", "say what happened"],
    ["/disruption timeline 2026-11-20 outage", "`2026-11-20` needs a time of day"],
    ["/disruption mitigated soon", "`soon` is not a time"],
    ["/disruption mitigated 14:05 and more", "is not a time"],
    ["/disruption severity high", "`high` is not a severity"],
    ["/disruption services", "list the services"],
    ["/disruption declare SEV1", "on a line of its own"],
    ["/disruption frobnicate", "`frobnicate` is not a command"],
    ["/disruption", "say which command"],
  ])("%s is refused", (line, message) => {
    const parsed = parseCommand(line);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.message).toContain(message);
  });
});
