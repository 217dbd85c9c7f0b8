import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillWithConfig } from "../../src/templates/fill-with-config.js";
import { readReportWithConfig } from "../../src/templates/read-report-with-config.js";
import { summarizeReport } from "../../src/templates/summarize-report.js";
import { resolveTemplate } from "../../src/templates/template-config.js";
import { templateCases } from "./fixtures.js";

const LIMIT = 65_536;
/** A call's budget, as in test/report/no-stall.test.ts: far over any body's cost, far under a stall. */
const BUDGET_MS = 1_000;
const RUNS = Number(process.env.NO_STALL_RUNS ?? 40);

/** Every preset and custom template of the golden folders, with the names each reads fields by. */
const templates = templateCases().map(({ name, config, issue }) => {
  const mapping = resolveTemplate(config.template);
  if (!mapping) throw new Error(`${name}: no template`);
  const keys = [
    ...Object.values(mapping.fields).flat(),
    ...Object.values(mapping.sections).flat(),
    ...mapping.dateKeys,
    ...mapping.peopleKeys,
  ];
  return { name, config, issue, keys: [...new Set(keys)] };
});

/** The ways a template holds a value under a key: heading, bold heading, key line, bold key, table row. */
const SHAPES: ((key: string, value: string) => string)[] = [
  (key, value) => `## ${key}\n\n${value}`,
  (key, value) => `**${key}**\n\n${value}`,
  (key, value) => `${key}: ${value}`,
  (key, value) => `- **${key}:** ${value}`,
  (key, value) => `| Key | Value |\n| --- | --- |\n| ${key} | ${value} |`,
  // The run in the key's place: a heading, a key and a first cell of nothing but punctuation.
  (_key, value) => `## ${value}\n\ntext`,
  (_key, value) => `${value}: text`,
  (_key, value) => `| ${value} | text |`,
];

const PUNCTUATION = ["*", "_", "~", "`", "[", "|", "<", " ", "?", ":", "(", "@", ".", "-", "#"];

/** The body: every key of the template answered briefly, one of them (or its key) by the run. */
function body(keys: readonly string[], at: number, shape: number, run: string): string {
  const write = SHAPES[shape] ?? SHAPES[0];
  if (!write) throw new Error("no shape");
  return keys
    .map((key, index) => (index === at ? write(key, run) : `${key}: x`))
    .join("\n\n")
    .slice(0, LIMIT);
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function expectWithinBudget(
  text: string,
  { config, issue }: (typeof templates)[number],
  title?: string,
): void {
  const facts = issue && title !== undefined ? { ...issue, title } : issue;
  expect(timed(() => readReportWithConfig(text, config, facts))).toBeLessThan(BUDGET_MS);
  expect(timed(() => fillWithConfig(text, config, facts))).toBeLessThan(BUDGET_MS);
  expect(timed(() => summarizeReport(text, config, facts))).toBeLessThan(BUDGET_MS);
}

describe("no body stalls a template's reader", () => {
  it("reads a run of each punctuation character in every key, value and cell of every template", () => {
    for (const template of templates) {
      for (const char of PUNCTUATION) {
        const run = `${char.repeat(8_000)}x`;
        for (let shape = 0; shape < SHAPES.length; shape += 1) {
          // The first key, a middle one and the last, in each shape.
          const { keys } = template;
          for (const at of new Set([0, Math.floor(keys.length / 2), keys.length - 1])) {
            expectWithinBudget(body(keys, at, shape, run), template);
          }
        }
      }
    }
  }, 600_000);

  it("reads any long run of markup in any key or value of any template, and any issue title", () => {
    const unit = fc.constantFrom(
      ...PUNCTUATION,
      "*a ",
      "_a",
      "[a](",
      "<!--",
      "- [ ] ",
      "> ",
      "1. ",
      "\\",
      "a.",
      "a:",
      "(a",
      "🛑 ",
      " is down",
    );
    const run = fc
      .tuple(unit, fc.integer({ min: 1_000, max: 60_000 }), fc.constantFrom("", "x", "|", "\n"))
      .map(([piece, length, tail]) => piece.repeat(Math.ceil(length / piece.length)) + tail);
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.nat(),
        fc.nat({ max: SHAPES.length - 1 }),
        run,
        (template, at, shape, text) => {
          const written = body(template.keys, at % template.keys.length, shape, text);
          expectWithinBudget(written, template, `🛑 ${text.slice(0, 256)}`);
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
