import fc from "fast-check";
import type { Node } from "mdast";
import { describe, expect, it } from "vitest";
import { parseOverviewTable } from "../../src/report/read-meta-raw.js";
import { readPlainTable } from "../../src/report/read-plain-table.js";

/** Positions without line and column (the plain reader keeps offsets only). */
function offsetsOnly(node: unknown): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value) =>
      key === "line" || key === "column" ? undefined : key === "align" ? undefined : value,
    ),
  );
}

const cellText = fc.string({
  unit: fc.constantFrom(..."abcXYZ019 -:.,@/()—'\"#$%+=?;é"),
  maxLength: 30,
});
const eol = fc.constantFrom("\n", "\r\n");
const table = fc
  .tuple(
    fc.array(fc.tuple(cellText, cellText), { maxLength: 20 }),
    eol,
    fc.constantFrom("| Field | Value |", "|Field|Value|", "| field | VALUE |"),
    fc.constantFrom("| --- | --- |", "|---|:---:|", "| :-- | --: |"),
  )
  .map(([rows, newline, header, delimiter]) =>
    [header, delimiter, ...rows.map(([name, value]) => `|${name}|${value}|`)].join(newline),
  );

describe("readPlainTable", () => {
  it("gives the same nodes and offsets as the GFM table parser for tables without markup", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), table, (before, text) => {
        const body = `${before}\n\n${text}\n\nafter`;
        const start = before.length + 2;
        const end = start + text.length;
        const plain = readPlainTable(body, start, end);
        if (plain === null) return;
        expect(offsetsOnly(plain)).toEqual(
          offsetsOnly(parseOverviewTable(body, start, end) as Node),
        );
      }),
      { numRuns: Number(process.env.PLAIN_TABLE_RUNS ?? 500) },
    );
  });

  it.each([
    ["an escaped pipe", "| Field | Value |\n| --- | --- |\n| Services | a \\| b |"],
    ["code", "| Field | Value |\n| --- | --- |\n| Started | `14:05` |"],
    ["emphasis", "| Field | Value |\n| --- | --- |\n| Type | **Deployment** |"],
    ["a line without pipes", "| Field | Value |\n| --- | --- |\n| Type | Deployment |\nmore text"],
    ["three cells", "| Field | Value |\n| --- | --- |\n| Type | Deployment | extra |"],
    ["a <br>", "| Field | Value |\n| --- | --- |\n| People | a<br>b |"],
  ])("leaves a table with %s to the parser", (_case, text) => {
    expect(readPlainTable(text, 0, text.length)).toBeNull();
  });

  it("reads the app's own Overview table", () => {
    const text =
      "| Field | Value |\n| --- | --- |\n| Services | api, checkout |\n| Acknowledged |  |";
    const plain = readPlainTable(text, 0, text.length);
    expect(
      plain?.children.map((row) =>
        row.children.map((cell) =>
          cell.children.map((child) => ("value" in child ? child.value : "")),
        ),
      ),
    ).toEqual([
      [["Field"], ["Value"]],
      [["Services"], ["api, checkout"]],
      [["Acknowledged"], []],
    ]);
  });
});
