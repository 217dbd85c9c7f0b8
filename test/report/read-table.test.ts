import fc from "fast-check";
import type { Node, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { describe, expect, it } from "vitest";
import { readTable } from "../../src/report/read-table.js";

/** Positions as offsets only (the reader keeps no line and column). */
function offsetsOnly(node: unknown): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value) =>
      key === "line" || key === "column" || key === "align" ? undefined : value,
    ),
  );
}

/** The table micromark's GFM extension reads from the same slice, offsets into the body. */
function micromarkTable(body: string, start: number, end: number): Table | undefined {
  const root = fromMarkdown(body.slice(start, end), {
    extensions: [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
  const shift = (node: Node): void => {
    if (node.position) {
      node.position.start.offset = (node.position.start.offset ?? 0) + start;
      node.position.end.offset = (node.position.end.offset ?? 0) + start;
    }
    if ("children" in node) for (const child of node.children as Node[]) shift(child);
  };
  const table = root.children.find((node): node is Table => node.type === "table");
  if (table) shift(table);
  return table;
}

function values(table: Table | null): string[][] | undefined {
  return table?.children.map((row) =>
    row.children.map((cell) => cell.children.map((c) => ("value" in c ? c.value : "")).join("")),
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

describe("readTable", () => {
  it("gives the nodes and offsets of the GFM table parser for tables without markup", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), table, (before, text) => {
        const body = `${before}\n\n${text}\n\nafter`;
        const start = before.length + 2;
        const end = start + text.length;
        const expected = micromarkTable(body, start, end);
        expect(offsetsOnly(readTable(body, start, end))).toEqual(
          expected ? offsetsOnly(expected) : null,
        );
      }),
      { numRuns: Number(process.env.PLAIN_TABLE_RUNS ?? 300) },
    );
  });

  // Expected cells as `cmark-gfm -e table` (GitHub's renderer) shows them.
  it.each([
    [
      "an escaped pipe",
      "| Field | Value |\n| --- | --- |\n| Services | a \\| b |",
      ["Services", "a | b"],
    ],
    [
      "a pipe in code",
      "| Field | Value |\n| --- | --- |\n| Started | `14|05` |",
      ["Started", "`14"],
    ],
    [
      "emphasis",
      "| **Field** | Value |\n| --- | --- |\n| **Type** | Deployment |",
      ["Type", "Deployment"],
    ],
    [
      "three cells",
      "| Field | Value |\n| --- | --- |\n| Type | Deployment | extra |",
      ["Type", "Deployment"],
    ],
    ["no outer pipes", "Field | Value\n--- | ---\nType | Deployment", ["Type", "Deployment"]],
    ["a line without pipes", "| Field | Value |\n| --- | --- |\nmore text", ["more text"]],
  ])("reads a table with %s", (_case, text, row) => {
    expect(values(readTable(text, 0, text.length))?.[1]).toEqual(row);
  });

  it("reads a table after paragraph text, and one inside a quote", () => {
    const text = "Some text\n| Field | Value |\n| - | - |\n| Type | Deployment |";
    expect(values(readTable(text, 0, text.length))).toEqual([
      ["Field", "Value"],
      ["Type", "Deployment"],
    ]);
    const quoted = "> | Field | Value |\n> | --- | --- |\n> | Severity | SEV2 |";
    expect(values(readTable(quoted, 2, quoted.length, 1))).toEqual([
      ["Field", "Value"],
      ["Severity", "SEV2"],
    ]);
  });

  it("is not a table when the delimiter row has another number of cells", () => {
    const text = "| Field | Value |\n| --- |\n| Type | Deployment |";
    expect(readTable(text, 0, text.length)).toBeNull();
  });
});
