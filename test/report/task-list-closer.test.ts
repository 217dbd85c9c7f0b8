import fc from "fast-check";
import type { Node } from "mdast";
import { describe, expect, it } from "vitest";
import { parseBlocks } from "../../src/report/parse-blocks.js";
import { splitLines } from "../../src/report/parser-lines.js";
import { taskListCloser } from "../../src/report/task-list-closer.js";

/** A node as the readers see it: its kind, what it says, its offsets (shifted), its children. */
function shape(node: Node, shift: number): unknown {
  const { type, position, ...rest } = node as Node & Record<string, unknown>;
  // (A heading's `start` is its offset, not a list's first number.)
  const keys = ["depth", "ordered", "spread", "checked", "value", "lang"];
  if (type === "list") keys.push("start");
  const said = Object.fromEntries(keys.flatMap((key) => (key in rest ? [[key, rest[key]]] : [])));
  const children = (node as { children?: Node[] }).children;
  return {
    type,
    ...said,
    from: (position?.start.offset ?? 0) - shift,
    to: (position?.end.offset ?? 0) - shift,
    ...(children && type !== "heading" ? { children: children.map((c) => shape(c, shift)) } : {}),
  };
}

/**
 * The parser's reading of a body: the body after a paragraph and a blank line, where the task
 * list no longer opens the body and the parser reads all of it (offsets shifted back).
 */
function parsersReading(body: string): unknown[] {
  const lead = "x\n\n";
  const [, ...after] = parseBlocks(lead + body).children;
  return after.map((node) => shape(node, lead.length));
}

const task = fc
  .tuple(
    fc.constantFrom("- [ ] ", "- [x] ", "- [X] "),
    fc.constantFrom("a", "@sam fix (due 2026-12-01)", "b  ", "c\t", "<div>", "`x`", "- [ ] d"),
  )
  .map(([marker, text]) => marker + text);
const closer = fc.constantFrom(
  "> quote",
  ">",
  "```",
  "```js",
  "~~~",
  "***",
  "* * *",
  "___",
  "<div>",
  "</div>",
  "<details>",
  "<table>",
  "<!-- note",
  "<!-- note -->",
  "<?php",
  "<!DOCTYPE html>",
  "<![CDATA[",
  "<script>",
  "<pre",
  // Not closers: each continues the item or the list, or may underline; the parser reads them.
  "<span>",
  "<div2>",
  "text",
  "---",
  "===",
  "- [ ] e",
  "* [ ] f",
  "1. g",
  "",
  " > indented quote",
  "   <div>",
  "``` not `a` fence",
  "# heading",
);
const rest = fc.array(
  fc.constantFrom(
    "text",
    "",
    "- [ ] h",
    "  - [ ] i",
    "> q",
    "```",
    "-->",
    "?>",
    "</div>",
    "| a | b |",
    "|---|---|",
    "    code",
  ),
  { maxLength: 6 },
);

describe("a task list that opens a body and is ended by a block of the top level", () => {
  it("reads as the parser reads it, whatever line follows the list", () => {
    fc.assert(
      fc.property(
        fc.array(task, { minLength: 1, maxLength: 8 }),
        closer,
        rest,
        fc.constantFrom("\n", "\r\n"),
        (tasks, end, after, eol) => {
          const body = [...tasks, end, ...after].join(eol);
          const read = parseBlocks(body).children.map((node) => shape(node, 0));
          expect(read).toEqual(parsersReading(body));
        },
      ),
      { numRuns: Number(process.env.TASK_CLOSER_RUNS ?? 2_000) },
    );
  });

  it("is read without the parser only when the line after the items is one that ends the list", () => {
    const closes = (body: string) => taskListCloser(body, splitLines(body));
    expect(closes("- [ ] a\n- [x] b\n<div>\nmore")).toBe(2);
    expect(closes("- [ ] a\n> quote")).toBe(1);
    expect(closes("- [ ] a\n```\ncode")).toBe(1);
    expect(closes("- [ ] a\n<span>")).toBe(-1);
    expect(closes("- [ ] a\ncontinued")).toBe(-1);
    expect(closes("- [ ] a\n---")).toBe(-1);
    expect(closes("- [ ] a\n\n<div>")).toBe(-1);
    expect(closes("- [ ] a\n- [ ] b")).toBe(-1);
    expect(closes("text\n<div>")).toBe(-1);
  });
});
