/**
 * Whether an action item's text opens struck through (a dropped item), as GFM reads it. Most texts
 * are read by hand, exactly as micromark and its strikethrough extension read them; the rest by
 * the parser, built once.
 */
import { parse, postprocess, preprocess } from "micromark";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";

/**
 * Whether a short piece of markdown opens with struck-through text, as GFM reads it: its first
 * block is a paragraph whose first child (blanks aside) is a `delete`.
 *
 * @example opensStruckThrough("~~rewrite the deploy tool~~ out of scope") // true
 */
export function opensStruckThrough(markdown: string): boolean {
  if (!/^~+[^~]*~/.test(markdown)) return false;
  const paragraph = oneParagraph(markdown);
  if (paragraph && READ_BY_HAND.test(markdown)) return struckAtStart(markdown);
  if (!mayOpenAndClose(markdown)) return false;
  return parsedStruckAtStart(markdown, paragraph);
}

/**
 * No escape, character reference, emphasis, link, image, autolink or HTML: the only inline
 * constructs left are code spans, strikethrough and line endings, which `struckAtStart` reads.
 */
const READ_BY_HAND = /^[^\\&*_[\]!<]*$/;

/**
 * True when the text is one paragraph: no blank line, and every line after the first is indented
 * as code (which cannot interrupt a paragraph) or starts with a character that can open no block
 * and underline no heading. (A first line that opens a fence, `~~~`, is no paragraph; both readers
 * answer false for it, since a run of three tildes strikes nothing.)
 */
function oneParagraph(markdown: string): boolean {
  const lines = markdown.split(/\r\n|\r|\n/);
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (!(INDENTED.test(line) || OPENS_NOTHING.test(line))) return false;
  }
  return true;
}

/** Indented as code, and not blank. */
const INDENTED = /^(?: {0,3}\t| {4})(?=[ \t]*\S)/;
/** Up to three spaces, then no block's opening, no heading's underline and no list's number. */
const OPENS_NOTHING = /^ {0,3}(?:[^\s#>+\-=`~\d|]|`{1,2}(?!`)|~{1,2}(?!~))/;

/** Whitespace (line endings, the text's ends), punctuation, or neither: micromark's classes. */
enum Side {
  Blank,
  Punctuation,
  Other,
}

function classify(markdown: string, index: number): Side {
  if (index < 0 || index >= markdown.length) return Side.Blank;
  const char = markdown.charAt(index);
  if (/\s/.test(char)) return Side.Blank;
  return /\p{P}|\p{S}/u.test(char) ? Side.Punctuation : Side.Other;
}

/** A run of tildes that may open, not closed yet. */
interface Sequence {
  start: number;
  size: number;
}

/**
 * Whether the run of tildes at the start of a paragraph with no other inline constructs than code
 * spans is struck through, read as micromark-extension-gfm-strikethrough reads it: runs of one or
 * two tildes outside code spans may open or close by GFM's flanking rule; each run that may close,
 * left to right, closes the nearest earlier run of its length that may open and is not yet
 * closed, and the runs between them are then inside the struck text.
 */
function struckAtStart(markdown: string): boolean {
  const open: Sequence[] = [];
  let index = 0;
  while (index < markdown.length) {
    const code = markdown.charCodeAt(index);
    const end = runEnd(markdown, index, code);
    if (code === BACKTICK) {
      index = codeSpanEnd(markdown, end, end - index) ?? end;
      continue;
    }
    if (code === TILDE && end - index <= 2) {
      const size = end - index;
      const before = classify(markdown, index - 1);
      const after = classify(markdown, end);
      const mayOpen = after === Side.Other || (after === Side.Punctuation && before !== Side.Other);
      const mayClose =
        before === Side.Other || (before === Side.Punctuation && after !== Side.Other);
      const opener = mayClose ? nearest(open, size) : -1;
      if (opener !== -1) {
        if ((open[opener] as Sequence).start === 0) return true;
        open.length = opener;
      } else if (mayOpen) {
        open.push({ start: index, size });
      }
    }
    index = end;
  }
  return false;
}

const TILDE = 0x7e;
const BACKTICK = 0x60;

/** The end of the run of `code` that starts at `index` (one character for any other). */
function runEnd(markdown: string, index: number, code: number): number {
  if (code !== TILDE && code !== BACKTICK) return index + 1;
  let end = index;
  while (markdown.charCodeAt(end) === code) end += 1;
  return end;
}

/** Where the code span whose opening run of `size` backticks ends at `from` ends, or null (none closes it). */
function codeSpanEnd(markdown: string, from: number, size: number): number | null {
  let index = markdown.indexOf("`", from);
  while (index !== -1) {
    const end = runEnd(markdown, index, BACKTICK);
    if (end - index === size) return end;
    index = markdown.indexOf("`", end);
  }
  return null;
}

function nearest(open: readonly Sequence[], size: number): number {
  for (let index = open.length - 1; index >= 0; index -= 1) {
    if ((open[index] as Sequence).size === size) return index;
  }
  return -1;
}

/**
 * False when the run of tildes the text opens with cannot be struck through, whatever else the
 * text holds: it is longer than two (a fence, or text), a blank follows it (it cannot open), or
 * every later run of its length follows a blank or a line ending (none can close it: GFM's
 * flanking rule). Only then is the parser asked. A text with a backslash is left to the parser:
 * an escaped tilde splits a run.
 */
function mayOpenAndClose(markdown: string): boolean {
  if (markdown.includes("\\")) return true;
  const run = runEnd(markdown, 0, TILDE);
  if (run > 2 || run >= markdown.length || /\s/.test(markdown.charAt(run))) return false;
  for (let index = markdown.indexOf("~", run); index !== -1; ) {
    const end = runEnd(markdown, index, TILDE);
    if (end - index === run && !/\s/.test(markdown.charAt(index - 1))) return true;
    index = markdown.indexOf("~", end);
  }
  return false;
}

// The parse reads only the GFM construct it needs: the other extensions (autolink literals,
// footnotes) cost more than the rest of the parse and change nothing the report reads. The parser
// is built once: micromark combines its constructs again on every `parse` (0.2 ms, most of the
// cost of reading a struck item; a body of 4,000 such items took a second). What a document leaves
// on it (its link definitions, its lazy lines) is cleared before each use.
const STRIKETHROUGH = parse({ extensions: [gfmStrikethrough()] });

/**
 * `opensStruckThrough` by the parser: its inline tokenizer alone when the text is known to be one
 * paragraph (a third of the cost), the whole document's otherwise.
 */
function parsedStruckAtStart(markdown: string, paragraph: boolean): boolean {
  STRIKETHROUGH.defined = [];
  STRIKETHROUGH.lazy = {};
  const tokenizer = paragraph ? STRIKETHROUGH.text() : STRIKETHROUGH.document();
  const events = postprocess(tokenizer.write(preprocess()(markdown, undefined, true)));
  // The text opens with a tilde, so its first block opens there: a paragraph (micromark's flow
  // content holding it) whose first inline is struck through or is text, or something else (a
  // fence of tildes, a setext heading).
  for (const [kind, token] of events) {
    if (kind !== "enter" || token.type === "content" || token.type === "paragraph") continue;
    return token.type === "strikethrough";
  }
  return false;
}
