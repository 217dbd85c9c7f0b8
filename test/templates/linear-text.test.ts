import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  keyLine,
  replaceLinks,
  withoutTags,
  withoutTrailingMarks,
  withoutTrailingNote,
} from "../../src/templates/linear-text.js";

/** Lines of the characters the expressions care about, short enough for the expressions to read. */
const line = fc
  .array(
    fc.constantFrom(
      " ",
      " ",
      "\t",
      "\u00a0",
      "\u2028",
      ":",
      "：",
      "?",
      "|",
      "(",
      ")",
      "a",
      "b",
      "é",
    ),
    { maxLength: 80 },
  )
  .map((chars) => chars.join(""));
const keyed = fc
  .tuple(line, fc.string({ maxLength: 70 }), line)
  .map(([before, middle, after]) => `${before}${middle}:${after}`);

describe("the template readers' linear scans do what their expressions do", () => {
  it("reads a Key: value line as /^\\s*([^:|]{1,60}?)\\s*[:：]\\s*(.*)$/ does", () => {
    fc.assert(
      fc.property(fc.oneof(line, keyed), (text) => {
        const match = /^\s*([^:|]{1,60}?)\s*[:：]\s*(.*)$/.exec(text);
        expect(keyLine(text)).toEqual(match ? { key: match[1], value: match[2] } : null);
      }),
      { numRuns: 20_000 },
    );
  });

  it("drops trailing marks and notes as the expressions do", () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(withoutTrailingMarks(text)).toBe(text.replace(/[?:：]+\s*$/, ""));
        expect(withoutTrailingNote(text, "required")).toBe(text.replace(/\s+\([^()]*\)\s*$/, ""));
        expect(withoutTrailingNote(text, "optional")).toBe(text.replace(/\s*\([^)]*\)\s*$/, ""));
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads links, images and tags as the expressions do", () => {
    const inline = fc
      .array(fc.constantFrom("[", "]", "(", ")", "!", "<", ">", "a", " ", "\n"), { maxLength: 60 })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(inline, (text) => {
        expect(replaceLinks(text, { open: "(", close: ")", image: true })).toBe(
          text.replace(/!\[[^\]]*\]\([^)]*\)/g, ""),
        );
        expect(replaceLinks(text, { open: "(", close: ")", image: false })).toBe(
          text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1"),
        );
        expect(replaceLinks(text, { open: "[", close: "]", image: false })).toBe(
          text.replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1"),
        );
        expect(withoutTags(text)).toBe(text.replace(/<[^>]+>/g, ""));
      }),
      { numRuns: 50_000 },
    );
  });
});
