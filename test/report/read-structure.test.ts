import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { Table } from "mdast";
import { describe, expect, it } from "vitest";
import { META_NAMES, SECTION_NAMES } from "../../src/report/field-names.js";
import { endOffset, startOffset } from "../../src/report/markdown.js";
import { readReport } from "../../src/report/parse-report.js";
import { locateOverviewTable, readStructure } from "../../src/report/read-structure.js";
import { scanBlocks } from "../../src/report/scan-blocks.js";
import { META_FIELDS } from "../../src/report/types.js";

/** `PATHS_RUNS=20000 npx vitest run test/report/read-structure.test.ts` for a long search. */
const RUNS = Number(process.env.PATHS_RUNS ?? 500);

const fixtures = join(import.meta.dirname, "../fixtures/bodies");

/** Where each cell of the Overview table lies, to compare the tables two paths found. */
function tableLayout(table: Table | null): number[][] | null {
  if (!table) return null;
  return [
    [startOffset(table), endOffset(table)],
    ...table.children.map((row) => [
      startOffset(row),
      endOffset(row),
      ...row.children.flatMap((cell) => [startOffset(cell), endOffset(cell)]),
    ]),
  ];
}

const headingNames = [
  ...META_FIELDS.flatMap((field) => [META_NAMES[field].form, META_NAMES[field].row]),
  ...Object.keys(SECTION_NAMES),
  "Follow-ups",
  "Countermeasures",
  "Notes",
  "Incident",
  "",
];
const heading = fc
  .record({
    indent: fc.constantFrom("", "", "", " ", "   ", "    "),
    depth: fc.integer({ min: 1, max: 7 }),
    gap: fc.constantFrom(" ", " ", "  ", "\t", ""),
    name: fc.oneof(
      fc.constantFrom(...headingNames),
      fc.constantFrom(...headingNames).map((name) => `**${name}**`),
      fc.constantFrom(...headingNames).map((name) => name.toLowerCase()),
    ),
    closing: fc.constantFrom("", "", " ##", " #  ", "#", " \u00a0#", "  "),
  })
  .map(
    ({ indent, depth, gap, name, closing }) =>
      `${indent}${"#".repeat(depth)}${gap}${name}${closing}`,
  );
const fence = fc
  .record({
    indent: fc.constantFrom("", "", " ", "    "),
    marker: fc.constantFrom("```", "```", "~~~", "````"),
    info: fc.constantFrom("", "js", " text", "a`b"),
    tail: fc.constantFrom("", "", " ", "\t", "\u00a0"),
  })
  .map(({ indent, marker, info, tail }) => `${indent}${marker}${info}${tail}`);
const fixedLine = fc.constantFrom(
  "",
  "",
  "",
  "   ",
  "\t",
  "<!-- hint -->",
  "<!-- a hint",
  "that ends -->",
  "<!-->",
  "<!--- x",
  "  <!-- indented -->",
  "<details>",
  "</details>",
  "===",
  "---",
  "  ---",
  "- - -",
  "***",
  "> quoted",
  "> - [ ] quoted task",
  "[ref]: https://example.com",
  "- [ ] @alice fix it (due 2026-12-01)",
  "- [x] done #12",
  "- [X] ~~dropped~~ not needed",
  "* [ ] ~~@bob~~ moved to #14",
  "- plain item",
  "  - [ ] nested task",
  "    - [x] deeper task",
  "1. [ ] numbered task",
  "  # heading in a list",
  "- # heading item",
  "    indented code",
  "\tindented by a tab",
  "| Field | Value |",
  "| --- | --- |",
  "|---|---|",
  "Field | Value",
  "| field|value|",
  "| Services | api \\| web |",
  "| Type | Deployment |",
  "| Severity | **SEV2** |",
  "| Started | 2026-11-20 14:05 Europe/Berlin |",
  "| Detected at | 2026-11-20 14:12 UTC |",
  "| Resolved | `2026-11-20 15:00` |",
  "| Customer impact | Yes |",
  "| Length | 1 h |",
  "| Time | Party | Event | Effect |",
  "| 14:05 | @bot | rolled out `a\\|b` | negative |",
  "_No response_",
  "None",
  "api, checkout",
  "SEV3",
  "2026-11-20 14:05",
  "Checkout failed for most customers.",
  "text with <b>html</b> and *emphasis*",
  "\u00a0",
  "\uFEFF",
  // Lines that end a GFM table but continue a CommonMark paragraph, and the reverse.
  "2. second",
  "-",
  "    | indented | row |",
  "> | Field | Value |",
  "> | --- | --- |",
  "> | Severity | SEV2 |",
  "<!-- | Severity | SEV1 | -->",
  "| **Field** | **Value** |",
);
const line = fc.oneof(
  { weight: 6, arbitrary: fixedLine },
  { weight: 3, arbitrary: heading },
  { weight: 2, arbitrary: fence },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const lineEnding = fc.constantFrom("\n", "\n", "\n", "\r\n", "\r");
/** Bodies made of report-like lines, each ended with `\n`, `\r\n` or `\r`. */
const reportLikeBody = fc
  .array(fc.tuple(line, lineEnding), { maxLength: 40 })
  .map((lines) => lines.map(([text, ending]) => text + ending).join(""))
  .chain((body) => fc.constantFrom(body, body.trimEnd()));

describe("scanBlocks", () => {
  it("finds top-level ATX headings with their titles, outside fences and comments", () => {
    const body = [
      "intro",
      "",
      "## Summary ##",
      "text",
      "```",
      "# not a heading",
      "```",
      "<!-- a hint",
      "# not one either -->",
      "####### seven is text",
      "#tag is text",
      "###\tLessons   ",
      "#",
    ].join("\n");
    const scan = scanBlocks(body);
    expect(scan?.headings.map(({ depth, title }) => ({ depth, title }))).toEqual([
      { depth: 2, title: "Summary" },
      { depth: 3, title: "Lessons" },
      { depth: 1, title: "" },
    ]);
    expect(scan?.opensWithHeading).toBe(false);
    expect(scan?.openAtEnd).toBe("");
  });

  it("keeps offsets into bodies with CRLF and lone CR line endings", () => {
    const body = "### Severity\r\n\r\nSEV2\r### Summary\rtext";
    const scan = scanBlocks(body);
    expect(scan?.headings.map((heading) => body.slice(heading.start, heading.next))).toEqual([
      "### Severity\r\n",
      "### Summary\r",
    ]);
    expect(scan?.opensWithHeading).toBe(true);
  });

  it("reports the fence or comment a body ends in", () => {
    expect(scanBlocks("## Timeline\n\n````js\ncode\n```")?.openAtEnd).toBe("````");
    expect(scanBlocks("## Timeline\n\n~~~\ncode\n~~~~  ")?.openAtEnd).toBe("");
    expect(scanBlocks("## Lessons\n\n<!-- hint\n\nmore")?.openAtEnd).toBe("-->");
  });

  it.each([
    ["a setext heading", "Summary\n-------\ntext"],
    ["a heading indented by spaces", "- item\n  ## Action items"],
    ["a fence indented by spaces", "  ```\n# code\n  ```"],
    ["an HTML block", "<details>\n\n# inside\n\n</details>"],
    ["a comment micromark closes at once", "<!-->\n# heading"],
    ["a tab before text", "\t# heading"],
    ["markup in a heading", "## *Summary*"],
    ["a byte order mark", "\uFEFF## Summary"],
  ])("is not sure of a body with %s", (_, body) => {
    expect(scanBlocks(body)).toBeNull();
  });
});

/** The report read by the path given, but for the path it says it took. */
function readAs(body: string, path: "auto" | "document") {
  const { layout, ...parsed } = readReport(body, {}, path);
  return { ...parsed, layout: { ...layout, path: null } };
}

describe("reading a body by lines or by the whole document", () => {
  it.each(readdirSync(fixtures).sort())("gives the same report for the golden body %s", (name) => {
    const body = readFileSync(join(fixtures, name, "issue.md"), "utf8");
    expect(readAs(body, "auto")).toEqual(readAs(body, "document"));
  });

  it("reads the canonical filled body and the rendered form by lines", () => {
    for (const name of ["canonical-filled", "form-complete", "form-crlf-values"]) {
      const body = readFileSync(join(fixtures, name, "issue.md"), "utf8");
      expect(readStructure(body).path).toBe("lines");
    }
  });

  it(
    "gives the same report and Overview table for report-like bodies",
    () => {
      let byLines = 0;
      fc.assert(
        fc.property(reportLikeBody, (body) => {
          if (readStructure(body).path === "lines") byLines += 1;
          expect(readAs(body, "auto")).toEqual(readAs(body, "document"));
          expect(tableLayout(locateOverviewTable(body, "auto"))).toEqual(
            tableLayout(locateOverviewTable(body, "document")),
          );
        }),
        { numRuns: RUNS },
      );
      // The comparison means something only if a good share of the bodies took the fast path.
      expect(byLines).toBeGreaterThan(RUNS / 4);
    },
    RUNS * 20 + 20_000,
  );
});
