import fc from "fast-check";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { describe, expect, it } from "vitest";
import { opensStruckThrough } from "../../src/report/opens-struck-through.js";

/** The parser's answer, always asked: what `opensStruckThrough` answered before its shortcuts. */
function parsed(markdown: string): boolean {
  const first = fromMarkdown(markdown, {
    extensions: [gfmStrikethrough()],
    mdastExtensions: [gfmStrikethroughFromMarkdown()],
  }).children[0];
  const opening =
    first?.type === "paragraph"
      ? first.children.find((child) => !(child.type === "text" && child.value.trim() === ""))
      : undefined;
  return opening?.type === "delete";
}

const CASES = [
  "~~rewrite the deploy tool~~ out of scope",
  "~~@alice fix the retry loop.~~ (due 2026-12-01) #4",
  "~~@alice fix the retry loop.~~(due 2026-12-01)",
  "~~@alice fix the retry loop.~~x",
  "~~fix it.~~",
  "~fix~ single",
  "~~a~~",
  "~a~~ uneven",
  "~~a~ uneven",
  "~~~fence~~~",
  "~~ spaced~~",
  "~~spaced ~~",
  "~~no closer",
  "~",
  "~~`code~~` span",
  "~~*em~~* mixed",
  "~~[link~~](x)",
  "~~a\\~~ escaped",
  "~~a~~~ long closer",
  "~~a~~\n===",
  "~~a~~\n---",
  "~~a~~\nmore",
  "~~a~~\r\n===",
  "~~done!~~ ok",
  "~~x) y.~~ z",
  "~~été~~ accents",
  "~~a &amp; b~~",
  "~~a <b>~~",
  "~a ~b~ c~",
  "~~a ~b~ c~~",
  "~a ~~b~~ c~",
  "~a ~~b~ c~",
  "~a `~` b~",
  "~a `` ` ~ `` b~",
  "~a `b~",
  "~a\n  b~",
  "~a\n\t\r\nc~",
  "~a\n1. b~",
  "~a\n    # b~",
  "~(a)~.",
  "~a.~b",
  "~.a~",
];

/** Text made of the characters that matter to the shortcuts, starting with a tilde. */
const markdown = fc
  .array(
    fc.constantFrom(
      "~",
      "~~",
      "a",
      "Z",
      "9",
      " ",
      ".",
      "!",
      ")",
      "@",
      "*",
      "_",
      "`",
      "\\",
      "[",
      "]",
      "<",
      "&",
      "\n",
      "\n  ",
      "\r\n",
      "\n#",
      "\n~~~",
      "-",
      "=",
      "é",
      "\t",
      "\u00a0",
    ),
    { maxLength: 14 },
  )
  .map((parts) => `~${parts.join("")}`);

/** Words between two runs of tildes, then more: the shape of a dropped item, and near misses. */
const piece = fc.constantFrom(
  "\n",
  "\n  b",
  "\r\nc",
  "\n- ",
  "\n> ",
  "a",
  "Z",
  "9",
  " ",
  ".",
  "!",
  ")",
  "@",
  "*",
  "`",
  "[",
  "&",
  "é",
  "\t",
);
const wrapped = fc
  .tuple(
    fc.constantFrom("~", "~~", "~~~"),
    fc.array(piece, { minLength: 1, maxLength: 8 }),
    fc.constantFrom("~", "~~", "~~~"),
    fc.array(fc.constantFrom(...["", " ", "x", ".", "~", "\n===", "\nmore", "\n  more", "("]), {
      maxLength: 3,
    }),
  )
  .map(([open, words, close, tail]) => `${open}${words.join("")}${close}${tail.join("")}`);

describe("opensStruckThrough", () => {
  it.each(CASES)("answers as the parser does for %j", (text) => {
    expect(opensStruckThrough(text)).toBe(parsed(text));
  });

  it("answers as the parser does for generated text", { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(markdown, (text) => opensStruckThrough(text) === parsed(text)),
      { numRuns: Number(process.env.STRUCK_RUNS ?? 3_000) },
    );
    fc.assert(
      fc.property(wrapped, (text) => opensStruckThrough(text) === parsed(text)),
      { numRuns: Number(process.env.STRUCK_RUNS ?? 3_000) },
    );
  });
});
