import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/commands/parse-command.js";
import { planCommands } from "../../src/commands/plan-commands.js";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { parseReport } from "../../src/report/parse-report.js";
import { updateDerivedRows } from "../../src/report/update-derived-rows.js";
import { readTimeline } from "../../src/timeline/read-timeline.js";

const START = DateTime.fromISO("2026-11-20T14:00:00Z", { zone: "UTC" });
const config = { ...DEFAULT_CONFIG, timeZone: "Europe/Berlin" };

/** A person's row: a full time, a clock time, a time in bold or another zone, or no time at all. */
const personRow = fc
  .tuple(
    fc.integer({ min: 0, max: 600 }),
    fc.constantFrom("full", "clock", "bold", "offset", "none"),
    fc.string({ maxLength: 20 }).map((text) => text.replace(/[|\r\n]/g, " ")),
  )
  .map(([minutes, style, text]) => {
    const time = START.plus({ minutes }).setZone("Europe/Berlin");
    const cell = {
      full: time.toFormat("yyyy-MM-dd HH:mm"),
      clock: time.toFormat("HH:mm"),
      bold: `**${time.toFormat("yyyy-MM-dd HH:mm")} Europe/Berlin**`,
      offset: time.setZone("UTC+5").toFormat("yyyy-MM-dd HH:mm ZZ"),
      none: "later that day",
    }[style];
    return {
      minutes: style === "none" ? null : minutes,
      line: `| ${cell} | @bob | ${text} | neutral |`,
    };
  });

/** A command as a responder types it: with or without a time, any text, any effect. */
const timelineCommand = fc
  .tuple(
    fc.option(fc.integer({ min: -120, max: 700 }), { nil: null }),
    fc.boolean(),
    fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((text) => text.trim() !== "" && !/[\r\n]/.test(text)),
    fc.constantFrom("", " +", " -"),
  )
  .map(([minutes, clock, text, effect]) => {
    const time =
      minutes === null
        ? ""
        : `${START.plus({ minutes })
            .setZone("Europe/Berlin")
            .toFormat(clock ? "HH:mm" : "yyyy-MM-dd HH:mm")} `;
    return `/disruption timeline ${time}x ${text}${effect}`;
  });

function body(rows: readonly string[], freeText: boolean): string {
  const timeline = freeText
    ? "14:05 deploy\n\n14:12 alert fires"
    : ["| Time | Party | Event | Effect |", "| --- | --- | --- | --- |", ...rows].join("\n");
  return `## Overview\n\n| Field | Value |\n| --- | --- |\n| Started | 2026-11-20 15:00 Europe/Berlin |\n\n## Summary\n\nDown.\n\n## Timeline\n\n${timeline}\n\n## Action items\n\n- [ ] one\n`;
}

describe("timeline commands (property)", () => {
  it("leave every row a person wrote unchanged and in place, and keep the table in time order", () => {
    fc.assert(
      fc.property(
        fc.array(personRow, { maxLength: 8 }),
        fc.array(fc.array(timelineCommand, { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.boolean(),
        (people, comments, freeText) => {
          const rows = [...people]
            .sort((a, b) => (a.minutes ?? -1) - (b.minutes ?? -1))
            .map((row) => row.line);
          // The derived rows are the app's: start from a body that has them all.
          const written = body(rows, freeText);
          const original = updateDerivedRows(written, parseReport(written))?.body ?? written;
          let current = original;
          for (const [index, lines] of comments.entries()) {
            const parsed = lines.map(parseCommand);
            const commands = parsed.flatMap((p) =>
              p.ok ? [{ line: p.line, command: p.command }] : [],
            );
            const plan = planCommands({
              body: current,
              labels: ["disruption"],
              isReport: true,
              config,
              commands,
              actor: "maya",
              commentId: 100 + index,
              now: START.plus({ hours: 12 }),
              issueCreatedAt: START,
            });
            if (plan.kind === "write") current = plan.body;
          }
          const appLine = /<!-- dr:c=\d+ -->/;
          const kept = current.split("\n").filter((line) => !appLine.test(line));
          if (freeText) {
            // The added table's header and delimiter are the app's too.
            const header = kept.indexOf("| Time | Party | Event | Effect |");
            if (header !== -1) kept.splice(header, 3);
          }
          expect(kept.join("\n")).toBe(original);

          const table = readTimeline(current, config.timeZone, "2026-11-20").table;
          const times = (table?.rows ?? []).flatMap((row) =>
            row.time ? [row.time.toMillis()] : [],
          );
          expect(times).toEqual([...times].sort((a, b) => a - b));
        },
      ),
    );
  });
});
