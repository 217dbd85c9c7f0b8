import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_BODY_LENGTH } from "../../src/limits/github-limits.js";
import { DERIVED_ROWS, META_NAMES } from "../../src/report/field-names.js";
import { fillReport } from "../../src/report/fill-report.js";
import { isAppPlaceholder } from "../../src/report/markdown.js";
import { parseReport } from "../../src/report/parse-report.js";
import { blockText } from "../../src/report/section-scope.js";
import { META_FIELDS } from "../../src/report/types.js";
import { updateDerivedRows } from "../../src/report/update-derived-rows.js";

const GITHUB_BODY_LIMIT = MAX_BODY_LENGTH;

/** Lines of a text as a reader sees them, ignoring table-cell escaping and surrounding blanks. */
function contentLines(text: string): string[] {
  return (
    text
      .split(/\r\n|\r|\n/)
      // A list marker is structure: a list of services becomes `api, web` in the Overview table.
      .map((line) =>
        line
          .replace(/\\\|/g, "|")
          .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "")
          .trim(),
      )
      .filter((line) => line !== "")
  );
}

function normalizedOutput(text: string): string {
  return text.replace(/\\\|/g, "|").replace(/<br>/g, "\n");
}

const formLabels = META_FIELDS.map((field) => META_NAMES[field].form);
const headingLine = fc.constantFrom(
  ...formLabels.map((label) => `### ${label}`),
  "### Summary",
  "### Timeline",
  "### Action items",
  "## Follow-ups",
  "## Notes",
  "# Incident",
);
const markdownLine = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    "- [ ] @alice fix it (due 2026-12-01)",
    "- [x] done #12",
    "```",
    "| a | b |",
    "| --- | --- |",
    "_No response_",
    "None",
    "2026-11-20 14:05 PST",
    "SEV2",
    "> quoted",
  ),
);
/** Bodies made of headings (form labels among them) and arbitrary lines, with either line ending. */
const reportLikeBody = fc
  .tuple(
    fc.array(fc.oneof(headingLine, markdownLine), { maxLength: 60 }),
    fc.constantFrom("\n", "\r\n"),
  )
  .map(([lines, eol]) => lines.join(eol));

/** Lines that become headings or form placeholders are structure, not the author's content. */
function isStructure(line: string): boolean {
  return (
    /^#{1,6}(\s|$)/.test(line) ||
    line === "_No response_" ||
    line === "None" ||
    /^`{3,}/.test(line) ||
    /^\|?[\s|:-]*-{3,}[\s|:-]*$/.test(line) ||
    // A setext underline: the line above it becomes a heading, which the filled report keeps as `## text`.
    /^(=+|-+)$/.test(line)
  );
}

describe("parser properties", () => {
  it("returns a result for any string up to GitHub's body limit", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: GITHUB_BODY_LIMIT }), (body) => {
        const parsed = parseReport(body);
        expect(Array.isArray(parsed.problems)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("returns a result for report-like bodies with arbitrary lines", () => {
    fc.assert(
      fc.property(reportLikeBody, (body) => {
        expect(() => parseReport(body)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it("fill loses no non-blank line of the input", () => {
    fc.assert(
      fc.property(fc.oneof(reportLikeBody, fc.string({ maxLength: 2000 })), (body) => {
        const output = normalizedOutput(fillReport(body));
        for (const line of contentLines(body)) {
          if (isStructure(line)) continue;
          expect(output).toContain(line);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("fill reads back as the same report", () => {
    fc.assert(
      fc.property(reportLikeBody, (body) => {
        expect(parseReport(fillReport(body)).report).toEqual(parseReport(body).report);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every line of a body not written with the form, in order; form answers' lines too", () => {
    fc.assert(
      fc.property(fc.oneof(reportLikeBody, freeformBody), (body) => {
        const parsed = parseReport(body);
        const output = lines(fillReport(body));
        if (parsed.shape !== "form") {
          // The derived rows of an Overview table the body already has are the app's to rewrite.
          const authored = lines(body).filter((line) => !isDerivedRow(line));
          expect(isSubsequence(authored, output)).toBe(true);
          return;
        }
        for (const block of parsed.layout.blocks) {
          const answer = blockText(body, block);
          // The form's placeholders (`_No response_`, `None`, an empty fence, closed or not) are not answers.
          const closed = block.closer ? `${answer}\n${block.closer}` : answer;
          if (block.kind === "meta" || block.kind === "preamble" || isAppPlaceholder(closed))
            continue;
          expect(isSubsequence(lines(answer), output)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("on an edit, changes nothing but the derived rows (README: never a character of anyone's text)", () => {
    fc.assert(
      fc.property(fc.oneof(filledBody, reportLikeBody, freeformBody), (body) => {
        const updated = updateDerivedRows(body, parseReport(body))?.body ?? body;
        // Every line that is not a derived row is the same, character for character, in order.
        const authored = (text: string) =>
          text.split(/\r\n|\r|\n/).filter((line) => !isDerivedRow(line));
        expect(authored(updated)).toEqual(authored(body));
      }),
      { numRuns: 400 },
    );
  });

  it("fills idempotently", () => {
    fc.assert(
      fc.property(fc.oneof(reportLikeBody, freeformBody), (body) => {
        const once = fillReport(body);
        expect(fillReport(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

/** Free text with headings of any level (known section names among them), comments and tables. */
const freeformBody = fc
  .array(
    fc.oneof(
      markdownLine,
      fc.constantFrom(
        "# Postmortem: checkout outage",
        "## What went wrong",
        "## Follow-up improvements",
        "## Affected services",
        "- api",
        "### Links",
        "<!-- DRAFT: check the numbers",
        "-->",
        "| Region | eu-west-1 |",
        "## Overview",
        "| Field | Value |",
        "| --- | --- |",
        "| Severity | SEV2 |",
        "| Length | 3 h |",
        "---",
        "",
        // Shapes where GitHub's table or section scope differs from a plain CommonMark read.
        "===",
        "2. second",
        "    | indented | row |",
        "> | Field | Value |",
        "> | --- | --- |",
        "> | Services | api |",
        "> ## Action items",
        "<!-- | Severity | SEV1 | -->",
        "| **Field** | **Value** |",
        "## Action items",
        "### Follow-ups",
        "- [ ] @bob add an alert\\",
        "# Incident",
      ),
    ),
    { maxLength: 40 },
  )
  .map((items) => items.join("\n"));

/** A filled report's Overview table with rows of any kind (known, derived, unknown, odd spacing) and text around it. */
const filledBody = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.constantFrom(
          ...META_FIELDS.map((field) => META_NAMES[field].row),
          ...DERIVED_ROWS,
          "Region",
          "**Severity**",
        ),
        fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.constantFrom("SEV2", "2026-11-20 14:05 UTC", "api, web", "1 h", ""),
        ),
        fc.constantFrom("| ", "|", "  | "),
        fc.constantFrom(" |", "|", "", " |  "),
      ),
      { maxLength: 20 },
    ),
    fc.array(markdownLine, { maxLength: 10 }),
    fc.constantFrom("\n", "\r\n"),
  )
  .map(([rows, after, eol]) =>
    [
      "## Overview",
      "",
      "| Field | Value |",
      "| --- | --- |",
      ...rows.map(
        ([name, value, open, close]) => `${open}${name} | ${value.replace(/[\r\n|]/g, "")}${close}`,
      ),
      ...after,
      "## Action items",
      "- [ ] @alice fix it",
      "- [x] done",
    ].join(eol),
  );

/** The lines of a text that are not blank. */
function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
}

function isDerivedRow(line: string): boolean {
  const name = /^\s*\|?\s*([^|]*?)\s*\|/.exec(line)?.[1]?.toLowerCase() ?? "";
  return DERIVED_ROWS.some((row) => row.toLowerCase() === name);
}

/** True when `part` appears in `whole` in order (not necessarily side by side). */
function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let at = 0;
  for (const line of part) {
    while (at < whole.length && whole[at] !== line) at += 1;
    if (at === whole.length) return false;
    at += 1;
  }
  return true;
}
