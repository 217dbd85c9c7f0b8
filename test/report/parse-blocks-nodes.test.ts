import { describe, expect, it } from "vitest";
import { parseBlocks } from "../../src/report/parse-blocks.js";

describe("the nodes parseBlocks gives", () => {
  it("a heading's text and position are the same objects on every read, as a plain node's are", () => {
    const root = parseBlocks("# Summary\n\nText.\n\n## Action items\n\n- [ ] a\n", 7);
    const [heading, , second] = root.children;
    if (heading?.type !== "heading" || second?.type !== "heading") throw new Error("no headings");
    expect(heading.children).toBe(heading.children);
    expect(heading.position).toBe(heading.position);
    expect(heading.position?.start).toBe(heading.position?.start);
    expect(heading.children).toEqual([{ type: "text", value: "Summary" }]);
    expect([heading.position?.start.offset, heading.position?.end.offset]).toEqual([7, 16]);
    expect([second.position?.start.offset, second.position?.end.offset]).toEqual([25, 40]);
    expect(root.position?.end).toBe(root.position?.end);
    expect(root.position?.end.offset).toBe(7 + 43);
  });

  it("a heading inside a region an HTML opener may hold is text, however many openers it holds", () => {
    const body = `${"<?\n".repeat(3)}# inside\n${"?>\n".repeat(3)}# after`;
    const headings = parseBlocks(body).children.filter((node) => node.type === "heading");
    expect(headings.map((node) => (node.children[0] as { value: string }).value)).toEqual([
      "after",
    ]);
  });
});
