import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { insertTimelineRows } from "../../src/timeline/insert-timeline-rows.js";
import type { NewTimelineRow } from "../../src/timeline/timeline-row.js";

const row = (iso: string, event: string, marker = "c=1"): NewTimelineRow => ({
  time: DateTime.fromISO(iso, { zone: "UTC" }),
  party: "maya",
  event,
  effect: "neutral",
  marker,
});
const line = (time: string, event: string) =>
  `| ${time} UTC | maya | ${event} | neutral <!-- dr:c=1 --> |`;

describe("insertTimelineRows", () => {
  it("puts a row between the rows a person wrote, by time, and changes none of them", () => {
    const body = [
      "## Timeline",
      "",
      "| Time | Party | Event | Effect |",
      "| --- | --- | --- | --- |",
      "| 14:05 | deploy bot | v2.3 rolls out | negative |",
      "| **2026-11-20 14:30 UTC** | @bob | rollback | positive |",
      "",
      "## Contributing factors",
      "",
    ].join("\n");
    const next = insertTimelineRows(
      body,
      [
        row("2026-11-20T14:12:00Z", "alert"),
        row("2026-11-20T14:00:00Z", "first"),
        row("2026-11-20T15:00:00Z", "last"),
      ],
      "UTC",
      "2026-11-20",
    );
    expect(next).toBe(
      [
        "## Timeline",
        "",
        "| Time | Party | Event | Effect |",
        "| --- | --- | --- | --- |",
        line("2026-11-20 14:00", "first"),
        "| 14:05 | deploy bot | v2.3 rolls out | negative |",
        line("2026-11-20 14:12", "alert"),
        "| **2026-11-20 14:30 UTC** | @bob | rollback | positive |",
        line("2026-11-20 15:00", "last"),
        "",
        "## Contributing factors",
        "",
      ].join("\n"),
    );
  });

  it("adds the table below a Timeline written as free text, nothing of it moved", () => {
    const body =
      "## Summary\n\nDown.\n\n## Timeline\n\n14:05 deploy\n14:12 alert\n\n\n## Lessons\n\n- one\n";
    expect(insertTimelineRows(body, [row("2026-11-20T14:20:00Z", "rollback")], "UTC", null)).toBe(
      "## Summary\n\nDown.\n\n## Timeline\n\n14:05 deploy\n14:12 alert\n\n" +
        `| Time | Party | Event | Effect |\n| --- | --- | --- | --- |\n${line("2026-11-20 14:20", "rollback")}\n\n` +
        "## Lessons\n\n- one\n",
    );
  });

  it("adds a Timeline before the sections that follow it when the body has none, keeping CRLF", () => {
    const body = "## Summary\r\n\r\nDown.\r\n\r\n## Action items\r\n\r\n- [ ] fix\r\n";
    expect(insertTimelineRows(body, [row("2026-11-20T14:20:00Z", "rollback")], "UTC", null)).toBe(
      "## Summary\r\n\r\nDown.\r\n\r\n## Timeline\r\n\r\n| Time | Party | Event | Effect |\r\n| --- | --- | --- | --- |\r\n" +
        `${line("2026-11-20 14:20", "rollback")}\r\n\r\n## Action items\r\n\r\n- [ ] fix\r\n`,
    );
  });

  it("does not take a table in a code block for the timeline", () => {
    const body =
      "## Timeline\n\n```\n| Time | Party | Event | Effect |\n| --- | --- | --- | --- |\n```\n";
    const next = insertTimelineRows(body, [row("2026-11-20T14:20:00Z", "x")], "UTC", null);
    expect(next.startsWith(body.trimEnd())).toBe(true);
    expect(next).toContain(
      `\`\`\`\n\n| Time | Party | Event | Effect |\n| --- | --- | --- | --- |\n${line("2026-11-20 14:20", "x")}\n`,
    );
  });
});
