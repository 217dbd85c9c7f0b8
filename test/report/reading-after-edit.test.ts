import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Config, DEFAULT_CONFIG } from "../../src/config/config.js";
import { type IntakePlan, planIntake } from "../../src/intake/plan-intake.js";
import { planRemembering } from "../../src/intake/plan-remembering.js";
import { ProblemsMemo } from "../../src/intake/problems-memo.js";
import { deriveLabels } from "../../src/labels/derive-labels.js";
import { fillReport } from "../../src/report/fill-report.js";
import { parseReport } from "../../src/report/parse-report.js";
import {
  type KeptReading,
  keptReading,
  readingAfterEdit,
} from "../../src/report/reading-after-edit.js";

const config: Config = { ...DEFAULT_CONFIG, timeZone: "Europe/Berlin" };
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, "../fixtures/bodies", name, "issue.md"), "utf8");
const formFilled = fillReport(
  readFileSync(join(import.meta.dirname, "../../examples/form-report.md"), "utf8"),
);

/**
 * A body as the intake leaves it (derived rows written, labels derived), the labels it then has,
 * the problems it has and its plan: every edit below starts from a report with nothing to write.
 */
function settled(text: string): {
  body: string;
  labels: string[];
  plan: IntakePlan;
  reading: KeptReading | null;
} {
  const first = planIntake({ mode: "edit", body: text, previousBody: null, labels: [], config });
  const body = first.body ?? text;
  const labels = deriveLabels(first.parsed, config);
  const plan = planIntake({ mode: "edit", body, previousBody: null, labels, config });
  expect(plan.body).toBeNull();
  expect(plan.labels.add.length + plan.labels.remove.length).toBe(0);
  return { body, labels, plan, reading: keptReading(plan.parsed) };
}

/**
 * A report with text before its first heading (the summary), a field written under a heading of
 * its own too, an unknown heading, a fence and a comment, ending in prose.
 */
const withPreamble = `Checkout was down for EU customers.

${fixture("canonical-filled").replace(/## Summary\n\n[^\n]*\n\n/, "")}
## Customer impact

No

## Notes from the call

\`\`\`
## not a heading: inside code
\`\`\`

<!-- a draft
## not a heading either
-->

We will meet again on Friday.`;

const canonical = fixture("canonical-filled");
const bases = [
  settled(formFilled),
  settled(canonical),
  settled(canonical.replaceAll("\n", "\r\n")),
  // Lone CR line endings.
  settled(canonical.replaceAll("\n", "\r")),
  settled(withPreamble),
  // A body that ends in a heading, with no line ending (GitHub adds none).
  settled(`${canonical}\n## Notes`),
  settled(`${canonical}\n## Action item`),
  // Action items nested, struck, numbered, loose, and one that is no task item.
  settled(
    canonical.replace(
      "- [ ] ~~rewrite the deploy tool~~ out of scope",
      "- [ ] ~~rewrite the deploy tool~~ out of scope\n  - [ ] @carol split it first\n  - [x] @dan ask\n\n1. [ ] @erin numbered\n2. [x] done\n\n- a plain note",
    ),
  ),
];

describe("readingAfterEdit", () => {
  const [form] = bases;
  if (!form?.reading) throw new Error("the filled form keeps no reading");
  const reading = form.reading;
  const edit = (from: string, to: string) => {
    expect(form.body).toContain(from);
    return readingAfterEdit(reading, form.body.replace(from, to));
  };

  it("carries the reading over a summary reworded, the timeline extended and the last section written", () => {
    expect(
      edit("ran out of connections.", "ran out of connections after a deploy."),
    ).not.toBeNull();
    expect(
      edit("14:12 alert fires\n", "14:12 alert fires\n14:20 rollback starts\n"),
    ).not.toBeNull();
    expect(
      edit("screenshots. -->\n", "screenshots. -->\n\nhttps://example.com/dashboards/db\n"),
    ).not.toBeNull();
    const next = edit("85 minutes", "eighty-five minutes");
    expect(next?.blocks).toEqual(
      parseReport(next?.body ?? "", { timeZone: "Europe/Berlin" }).layout.blocks,
    );
  });

  it("carries the reading over an action item reworded, but not one done, added or written as no task", () => {
    expect(
      edit("add a connection-pool alert", "add a connection-pool saturation alert"),
    ).not.toBeNull();
    expect(edit("- [ ] @alice add", "- [x] @alice add")).toBeNull();
    expect(edit("#12\n", "#12\n- [ ] @bob write the postmortem\n")).toBeNull();
    expect(edit("#12\n", "#12\n- @bob write the postmortem\n")).toBeNull();
  });

  it("reads in full an edit of the Overview table or of two blocks at once", () => {
    expect(
      edit("| Severity | SEV2 — major functionality broken |", "| Severity | SEV1 |"),
    ).toBeNull();
    expect(edit("85 minutes", "85 minutes.\n\n## Timeline\n\nnone")).toBeNull();
    expect(
      edit(
        "primary database ran out of connections.\n\n## Timeline\n\n14:05",
        "database.\n\n## Timeline\n\n14:06",
      ),
    ).toBeNull();
  });

  it("reads in full an edit that adds a heading, leaves a fence or comment open, or empties the summary", () => {
    expect(edit("85 minutes", "85 minutes\n\n### Details\n\nmore")).toBeNull();
    expect(edit("14:12 alert fires\n", "14:12 alert fires\n```\n")).toBeNull();
    expect(edit("14:12 alert fires\n", "14:12 alert fires\n<!-- draft\n")).toBeNull();
    expect(
      edit(
        "Checkout requests failed for 85 minutes because the primary database ran out of connections.",
        "_No response_",
      ),
    ).toBeNull();
    // Text glued to the next heading's line would make it no heading.
    expect(edit("14:12 alert fires\n\n", "14:12 alert fires\n\nand")).toBeNull();
  });

  it("reads in full an edit that changes a heading's line: text appended to a body that ends in one", () => {
    const append = (text: string, tail: string) => {
      const base = settled(text);
      return readingAfterEdit(base.reading as KeptReading, base.body + tail);
    };
    expect(append(`${canonical}\n## Action item`, "s\n\n- [ ] @carol add a pool alarm")).toBeNull();
    expect(append(`${canonical}\n## Servic`, "es\n\nbilling")).toBeNull();
    expect(append(`${canonical}\n## Notes`, "\n\nprose")).toBeNull();
    expect(append(`${canonical}\n## Notes\n\n`, "prose")).not.toBeNull();
  });

  it("keeps no reading of a report with a comment under its Overview table (the rows it hides may run on)", () => {
    const commented = canonical.replace(
      "| Action items | 1 of 3 done |\n",
      "| Action items | 1 of 3 done |\n<!-- | Owner | @bob | -->\n## Notes | call\na | b\n",
    );
    const base = settled(commented);
    expect(base.plan.problems.map((problem) => problem.message).join()).toContain("2 rows");
    expect(base.reading).toBeNull();
  });

  it("keeps no reading of a report whose derived rows could not be written: it would be too long", () => {
    // The derived rows are stale ("1 h" for 1 h 25 min), and writing them would pass 65,536 characters.
    const stale = canonical.replace("| Length | 1 h 25 min |", "| Length | 1 h |");
    const long = `${stale}\n## Notes\n\n${"x".repeat(65_533 - stale.length - 12)}`;
    const plan = planIntake({ mode: "edit", body: long, previousBody: null, labels: [], config });
    const labels = deriveLabels(plan.parsed, config);
    const memo = new ProblemsMemo();
    const input = { mode: "edit" as const, body: long, previousBody: null, labels, config };
    expect(planRemembering(input, memo)?.problems.map((problem) => problem.field)).toContain(
      "body",
    );
    const shorter = long.replace("xxxxxxxxxx", "");
    const next = planRemembering({ ...input, body: shorter, previousBody: long }, memo);
    expect(next?.body).toContain("| Length | 1 h 25 min |");
  });

  it("keeps no reading of a report without an action-items heading (a task item anywhere is one)", () => {
    const { reading: none } = settled(formFilled.replace("## Action items", "## Things to do"));
    expect(none).toBeNull();
  });

  it("keeps no reading of a report of level-3 headings only (with text before them, it reads as a form)", () => {
    const { reading: none } = settled(formFilled.replace(/^## /gm, "### "));
    expect(none).toBeNull();
  });

  const token = fc.constantFrom(
    "a",
    "b c",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "#",
    "## ",
    "### ",
    "# Incident\n",
    "```",
    "~~~",
    "<!--",
    "-->",
    "<div>",
    "|",
    "| --- |",
    "- [ ] ",
    "- [x] ",
    "- ",
    "> ",
    "---",
    "===",
    "\t",
    "    ",
    "_No response_",
    "@sam ",
    "(due 2026-12-01)",
    "| Severity | SEV1 |",
    "\uFEFF",
    "[x]: https://example.com",
    "Summary",
    "Action items",
    "~~",
    "  - [ ] ",
    "1. [ ] ",
    "[ ]",
    "[x]",
  );
  // Where an edit starts: anywhere, or at a block's edges (its heading, its content's start and
  // end) or the body's end, where an edit is most likely to change what the scanner sees.
  const anEdit = fc.record({
    at: fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.record({ edge: fc.nat(), shift: fc.integer({ min: -2, max: 2 }) }),
    ),
    cut: fc.nat({ max: 12 }),
    insert: fc.array(token, { maxLength: 4 }).map((parts) => parts.join("")),
  });
  const startOf = (reading: KeptReading, at: number | { edge: number; shift: number }) => {
    const { length } = reading.body;
    if (typeof at === "number") return Math.floor(at * length);
    const edges = [
      length,
      ...reading.blocks.flatMap((b) => [b.start, b.contentStart, b.contentEnd]),
    ];
    const edge = (edges[at.edge % edges.length] as number) + at.shift;
    return Math.max(0, Math.min(length, edge));
  };

  it("carries a reading over only an edit after which the intake derives what it did before", () => {
    let carried = 0;
    let tried = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.array(anEdit, { minLength: 1, maxLength: 3 }),
        (base, edits) => {
          let reading = base.reading as KeptReading;
          for (const { at, cut, insert } of edits) {
            const from = startOf(reading, at);
            const body = reading.body.slice(0, from) + insert + reading.body.slice(from + cut);
            tried += 1;
            const next = readingAfterEdit(reading, body);
            if (!next) return;
            carried += 1;
            // Planned in full, the edit derives what the body before it did: nothing to write.
            const plan = planIntake({
              mode: "edit",
              body,
              previousBody: reading.body,
              labels: base.labels,
              config,
              previousProblems: base.plan.problems,
            });
            expect(plan.body).toBeNull();
            expect(plan.labels).toEqual(base.plan.labels);
            expect(plan.problems).toEqual(base.plan.problems);
            expect(plan.syncProblems).toBe(false);
            // And the reading carried over is the one a full reading gives.
            expect(plan.parsed.layout.path).toBe("lines");
            expect(next.blocks).toEqual(plan.parsed.layout.blocks);
            reading = next;
          }
        },
      ),
      { numRuns: Number(process.env.READING_EDIT_RUNS ?? 1_000) },
    );
    // The comparison means something only if a good share of the edits were carried over.
    expect(carried).toBeGreaterThan(tried / 10);
  }, 60_000);
});
