import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/config.js";
import { planRemembering } from "../../src/intake/plan-remembering.js";
import { ProblemsMemo } from "../../src/intake/problems-memo.js";
import { META_NAMES, SECTION_ORDER } from "../../src/report/field-names.js";
import { fillReport } from "../../src/report/fill-report.js";
import { parseReport, readReport } from "../../src/report/parse-report.js";
import { META_FIELDS } from "../../src/report/types.js";
import { updateDerivedRows } from "../../src/report/update-derived-rows.js";

const LIMIT = 65_536;
/**
 * A call's budget. Well over what any body costs here (`npm run bench:parse` prints the figures,
 * single-digit to tens of milliseconds), well under what a super-linear worst case costs on a
 * long run (seconds): it catches a regression without failing on a busy two-core CI machine.
 */
const BUDGET_MS = 1_000;
const RUNS = Number(process.env.NO_STALL_RUNS ?? 60);

/** A run of markdown punctuation, or of a construct that nests or opens without closing. */
const unit = fc.constantFrom(
  "*",
  "_",
  "~",
  "`",
  "[",
  "|",
  "<",
  " ",
  "*a ",
  "_a",
  "[a](",
  "<!--",
  "- [ ] ",
  "> ",
  "  ",
  "1. ",
  "\\",
  "#",
);
const longRun = fc
  .tuple(unit, fc.integer({ min: 1_000, max: 60_000 }), fc.constantFrom("", "x", "|", "\n"))
  .map(([piece, length, tail]) => piece.repeat(Math.ceil(length / piece.length)) + tail);

const formLabels = [...META_FIELDS.map((field) => META_NAMES[field].form), ...SECTION_ORDER];
const rowNames = META_FIELDS.map((field) => META_NAMES[field].row);

/** A form body with the run as one field's answer; the other fields answered briefly. */
const formBody = fc.tuple(fc.constantFrom(...formLabels), longRun).map(([label, run]) =>
  formLabels
    .map((other) => `### ${other}\n\n${other === label ? run : "SEV2"}`)
    .join("\n\n")
    .slice(0, LIMIT),
);

/** A filled body with the run in one Overview cell (name or value). */
const tableBody = fc
  .tuple(fc.constantFrom(...rowNames), fc.boolean(), longRun)
  .map(([name, inName, run]) => {
    const rows = rowNames.map((row) =>
      row === name ? (inName ? `| ${run} | x |` : `| ${row} | ${run} |`) : `| ${row} | x |`,
    );
    return `## Overview\n\n| Field | Value |\n| --- | --- |\n${rows.join("\n")}\n\n## Summary\n\ntext`.slice(
      0,
      LIMIT,
    );
  });

/** The run on its own, under a heading, or nested in lines. */
const looseBody = fc
  .tuple(fc.constantFrom("", "## Action items\n\n", "# "), longRun)
  .map(([head, run]) => (head + run).slice(0, LIMIT));

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe("no body stalls the reader", () => {
  it(
    "parses, fills and updates any long run of markup in any field or cell within the budget",
    () => {
      fc.assert(
        fc.property(fc.oneof(formBody, tableBody, looseBody), (body) => {
          expect(body.length).toBeLessThanOrEqual(LIMIT);
          expect(timed(() => parseReport(body))).toBeLessThan(BUDGET_MS);
          expect(timed(() => readReport(body, {}, "document"))).toBeLessThan(BUDGET_MS);
          expect(timed(() => fillReport(body))).toBeLessThan(BUDGET_MS);
          const parsed = parseReport(body);
          expect(timed(() => updateDerivedRows(body, parsed))).toBeLessThan(BUDGET_MS);
        }),
        { numRuns: RUNS },
      );
    },
    RUNS * 4 * BUDGET_MS,
  );

  it("reads a run of each punctuation character in every form field and every table cell", () => {
    const runs = ["*", "_", "~", "`", "[", "|", "<", " "].map((char) => `${char.repeat(8_000)}x`);
    const bodies: string[] = [];
    for (const run of runs) {
      // Every answer of the form, one at a time.
      for (const label of formLabels) {
        bodies.push(
          formLabels
            .map((other) => `### ${other}\n\n${other === label ? run : "SEV2"}`)
            .join("\n\n"),
        );
      }
      // Every cell of the Overview table: the header's two, each row's name and value.
      const rows = rowNames.map((row) => [row, "x"]);
      const cells: [number, number][] = [
        [-1, 0],
        [-1, 1],
        ...rows.flatMap((_, r): [number, number][] => [
          [r, 0],
          [r, 1],
        ]),
      ];
      for (const [r, c] of cells) {
        const header = ["Field", "Value"].map((name, i) =>
          r === -1 && i === c ? `${name} ${run}` : name,
        );
        const lines = rows.map(
          (row, i) => `| ${row.map((cell, j) => (i === r && j === c ? run : cell)).join(" | ")} |`,
        );
        bodies.push(
          `## Overview\n\n| ${header.join(" | ")} |\n| --- | --- |\n${lines.join("\n")}\n\n## Summary\n\ntext`,
        );
      }
      // Each cell of a Timeline row.
      for (let c = 0; c < 4; c += 1) {
        const row = ["14:05", "@alice", "restarted", "positive"].map((cell, i) =>
          i === c ? run : cell,
        );
        bodies.push(
          `### Timeline\n\n| Time | Party | Event | Effect |\n| --- | --- | --- | --- |\n| ${row.join(" | ")} |`,
        );
      }
    }
    for (const body of bodies) {
      expect(timed(() => parseReport(body))).toBeLessThan(BUDGET_MS);
      expect(timed(() => readReport(body, {}, "document"))).toBeLessThan(BUDGET_MS);
      expect(timed(() => fillReport(body))).toBeLessThan(BUDGET_MS);
    }
  }, 120_000);

  it.each([
    ["a Severity answer of 7,000 `_` and a letter", `### Severity\n\n${"_".repeat(7_000)}x`],
    [
      "a task list nested 250 levels deep",
      Array.from({ length: 250 }, (_, depth) => `${"  ".repeat(depth)}- [ ] x`)
        .join("\n")
        .slice(0, LIMIT),
    ],
    ["32,000 nested quotes", `## Action items\n\n${"> ".repeat(32_000)}- [ ] x`],
    ["a heading of spaces", `# a${" ".repeat(65_000)}x`],
    [
      "an Overview row of pipes",
      `## Overview\n\n| Field | Value |\n| --- | --- |\n| Severity | ${"|".repeat(65_000)}`,
    ],
    ["10,000 unclosed comments", `## Summary\n\n${"<!--a\n".repeat(10_000)}`],
    ["32,768 empty headings", "#\n".repeat(32_768)],
    ["16,384 `# a` headings", "# a\n".repeat(16_384)],
    ["8,192 tasks and no heading", "- [ ] a\n".repeat(8_192)],
    ["32,767 empty headings, then HTML", `${"#\n".repeat(32_767)}<div>`],
    ["8,191 tasks, then HTML", `${"- [ ] a\n".repeat(8_191)}<div>`],
    ["10,922 `<?` lines, then as many `?>`", `${"<?\n".repeat(10_922)}${"?>\n".repeat(10_921)}# h`],
    [
      "10,000 headings, each its own title",
      Array.from({ length: 10_000 }, (_, i) => `# h${i}\n`).join(""),
    ],
  ])("reads %s within the budget", (_name, body) => {
    expect(timed(() => parseReport(body))).toBeLessThan(BUDGET_MS);
    expect(timed(() => fillReport(body))).toBeLessThan(BUDGET_MS);
  });

  it("plans an edit of a report of 64 KB of action items within the budget, carried over or not", () => {
    const head =
      "## Overview\n\n| Field | Value |\n| --- | --- |\n| Services | api |\n\n## Summary\n\nIt broke.\n\n## Action items\n\n- [ ] first\n";
    const items = "- [ ] ~a\n  ~ b\n".repeat(Math.floor((LIMIT - 200 - head.length) / 15));
    const memo = new ProblemsMemo();
    const input = { mode: "edit" as const, previousBody: null, labels: [], config: DEFAULT_CONFIG };
    const filled = planRemembering({ ...input, body: head + items }, memo)?.body ?? head + items;
    const settled = planRemembering({ ...input, body: filled }, memo);
    expect(settled?.body).toBeNull();
    const labels = settled?.labels.add ?? [];
    const planned = planRemembering({ ...input, body: filled, labels }, memo);
    expect(planned?.labels.add).toEqual([]);
    for (const edited of [
      filled.replace("first", "firstly"),
      filled.replace("- [ ] first", "- [x] first"),
    ]) {
      expect(
        timed(() =>
          planRemembering({ ...input, body: edited, previousBody: filled, labels }, memo),
        ),
      ).toBeLessThan(BUDGET_MS);
    }
  });
});
