import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readReport } from "../../src/report/parse-report.js";
import { readPlainTaskList } from "../../src/report/read-plain-task-list.js";

const inline = fc.string({
  unit: fc.constantFrom(..."ab @#~`*_[]()<>|\\/-:.1x"),
  minLength: 1,
  maxLength: 40,
});
const line = fc.oneof(
  fc
    .tuple(fc.constantFrom("- [ ] ", "- [x] ", "- [X] "), inline)
    .map(([marker, text]) => `${marker}${text.trimStart() || "a"}`),
  fc.constant(""),
  fc.constantFrom(
    "* [ ] star",
    "  - [ ] nested",
    "- plain",
    "1. [ ] ordered",
    "<!-- hint -->",
    "continued text",
  ),
);
const body = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom("\n", "\r\n"))
  .map(
    ([lines, eol]) =>
      `## Summary${eol}${eol}It broke.${eol}${eol}## Action items${eol}${eol}${lines.join(eol)}${eol}${eol}## Supporting documentation${eol}${eol}none`,
  );

describe("readPlainTaskList", () => {
  it("gives the same action items and problems as the GFM parser", () => {
    fc.assert(
      fc.property(body, (text) => {
        const fast = readReport(text, {}, "auto");
        const parsed = readReport(text, {}, "document");
        expect(fast.actionItems).toEqual(parsed.actionItems);
        expect(fast.problems).toEqual(parsed.problems);
      }),
      { numRuns: Number(process.env.PLAIN_LIST_RUNS ?? 500) },
    );
  });

  it("reads a flat list of one-line task items and leaves anything else to the parser", () => {
    const list = "- [ ] @sam add an alert (due 2026-12-01)\n\n- [x] roll back";
    expect(
      readPlainTaskList(list, 0, list.length)?.[0]?.children.map((item) => item.checked),
    ).toEqual([false, true]);
    for (const other of [
      "- [ ] a\n  - [ ] nested",
      "- [ ] a\ncontinued",
      "* [ ] a",
      "<!-- hint -->",
      "- plain",
    ]) {
      expect(readPlainTaskList(other, 0, other.length)).toBeNull();
    }
  });
});
