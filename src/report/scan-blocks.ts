import { atxText, INLINE_MARKUP } from "./heading-title.js";

/**
 * A line scanner that finds the top-level ATX headings of a report body without running the
 * markdown parser, for the bodies where that is certain: it returns null ("not sure") as soon as
 * the body holds anything that could make micromark see the structure differently, and the caller
 * then parses the whole document. Offsets point into the body as given (`\r\n` and lone `\r` are
 * line endings, as they are for micromark).
 */

/** A top-level ATX heading (`## Summary`) at the start of a line. */
interface ScannedHeading {
  /** Offset of the heading line. */
  start: number;
  /** Offset of the line after it (after its line ending), or the body's length. */
  next: number;
  depth: number;
  /** The heading's text, trimmed, as `plainText(heading).trim()` reads it. */
  title: string;
}

/**
 * A run of lines that are neither blank, headings, fenced code nor HTML comments: the only place
 * a top-level paragraph (and so a GFM table) can be.
 */
export interface ScannedRun {
  start: number;
  /** End of the run's last line, before trailing spaces and tabs. */
  end: number;
  /**
   * True when the run is certainly one top-level paragraph: its first line starts at the margin
   * with a letter or `|`, and every other line with up to three spaces then a letter or `|`, so no
   * line of it opens a list, a quote, a thematic break, indented code or a definition.
   */
  paragraph: boolean;
}

export interface BlockScan {
  headings: ScannedHeading[];
  runs: ScannedRun[];
  /** True when the first line that is not blank is a heading. */
  opensWithHeading: boolean;
  /**
   * The marker that closes the fenced code block or HTML comment the body ends in (it runs to the
   * end of the body), or "" when the body ends outside one: what `closerFor` gives for the last
   * node of the last block.
   */
  openAtEnd: string;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const BACKTICK = 0x60;
const TILDE = 0x7e;
const LESS_THAN = 0x3c;
const PIPE = 0x7c;

/** A line that underlines the paragraph above it into a setext heading. */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A fence-like line whose tail is whitespace micromark does not take as such (`closerFor` does). */
const ODD_FENCE_TAIL = /^ {0,3}(?:`{3,}|~{3,})[ \t]*[^\S \t]\s*$/;

/**
 * Scans a body for its top-level ATX headings, or returns null when it cannot be sure that
 * micromark would find exactly these. Not sure: setext underlines under a non-blank line, headings,
 * fences or HTML indented by spaces, tabs before a line's text, HTML other than comments (and the
 * odd `<!-->` comment), heading text with inline markup, a byte order mark anywhere (micromark drops
 * one at the start of a parse, which would shift offsets).
 */
export function scanBlocks(body: string): BlockScan | null {
  if (body.includes("\uFEFF")) return null;
  const hasCR = body.includes("\r");
  const length = body.length;
  const scan = new LineScan(body);
  let start = 0;
  while (start < length) {
    let end = hasCR ? lineEnd(body, start) : body.indexOf("\n", start);
    if (end === -1) end = length;
    let next = end;
    if (next < length)
      next += body.charCodeAt(next) === CR && body.charCodeAt(next + 1) === LF ? 2 : 1;
    if (!scan.line(start, end, next)) return null;
    start = next;
  }
  return scan.result();
}

/** The scanner's state between lines: what is open (a run, a fence, a comment) and what was found. */
class LineScan {
  readonly headings: ScannedHeading[] = [];
  readonly runs: ScannedRun[] = [];
  opensWithHeading: boolean | null = null;
  run: ScannedRun | null = null;
  previousBlank = true;
  /** The open fence's character and length, when inside fenced code. */
  fenceChar = 0;
  fenceLength = 0;
  inComment = false;

  constructor(readonly body: string) {}

  /** Reads the line from `start` to `end` (`next` is the start of the one after); false when not sure. */
  line(start: number, end: number, next: number): boolean {
    const { body } = this;
    if (this.inComment || this.fenceLength > 0) return this.insideBlock(start, end);
    let indent = 0;
    while (body.charCodeAt(start + indent) === SPACE) indent += 1;
    const first = start + indent < end ? body.charCodeAt(start + indent) : -1;
    if (first === -1 || (first === TAB && isBlank(body, start, end))) {
      this.endRun();
      this.previousBlank = true;
      return true;
    }
    if (first === TAB) return false;
    if (!this.previousBlank && SETEXT_UNDERLINE.test(body.slice(start, end))) return false;
    this.previousBlank = false;
    if (indent > 0) {
      if (indent <= 3 && (first === HASH || first === LESS_THAN)) return false;
      if ((first === BACKTICK || first === TILDE) && runOf(body, start + indent, end) >= 3) {
        return false;
      }
    } else {
      const opened = this.open(start, end, next, first);
      if (opened !== false) return opened !== null;
    }
    this.opensWithHeading ??= false;
    this.extendRun(start, end, indent, first);
    return true;
  }

  /** A line inside an open HTML comment or fenced code block: only its end matters. */
  insideBlock(start: number, end: number): boolean {
    const line = this.body.slice(start, end);
    this.previousBlank = false;
    if (this.inComment) {
      if (line.includes("-->")) this.inComment = false;
      return true;
    }
    if (ODD_FENCE_TAIL.test(line)) return false;
    if (closesFence(line, this.fenceChar, this.fenceLength)) this.fenceLength = 0;
    return true;
  }

  /**
   * A line at the margin that may open a block: true when it opened a heading, a fence or a
   * comment, false when it is text after all (`#tag`, two backticks), null when not sure.
   */
  open(start: number, end: number, next: number, first: number): boolean | null {
    const { body } = this;
    if (first === HASH) {
      const heading = atxHeading(body, start, end, next);
      if (heading === undefined) return null;
      if (!heading) return false;
      this.endRun();
      this.opensWithHeading ??= true;
      this.headings.push(heading);
      return true;
    }
    if (first === BACKTICK || first === TILDE) {
      const fence = runOf(body, start, end);
      if (fence < 3 || (first === BACKTICK && body.slice(start + fence, end).includes("`"))) {
        return false;
      }
      this.opened();
      this.fenceChar = first;
      this.fenceLength = fence;
      return true;
    }
    if (first !== LESS_THAN) return false;
    if (!body.startsWith("<!--", start)) return null;
    // micromark closes `<!-->` and `<!--->` on the spot, `closerFor` does not: leave them to the
    // document parse.
    if (body.startsWith(">", start + 4) || body.startsWith("->", start + 4)) return null;
    this.opened();
    this.inComment = !body.slice(start + 4, end).includes("-->");
    return true;
  }

  /** A fence or comment opened: it ends the run, and the body does not open with a heading. */
  opened(): void {
    this.endRun();
    this.opensWithHeading ??= false;
  }

  endRun(): void {
    if (this.run) this.runs.push(this.run);
    this.run = null;
  }

  extendRun(start: number, end: number, indent: number, first: number): void {
    let last = end;
    while (last > start && isSpaceOrTab(this.body.charCodeAt(last - 1))) last -= 1;
    // An indented line after a table row opens indented code on GitHub (see gfm-table-end.ts).
    const plain = (first === PIPE || isAsciiLetter(first)) && indent < 4;
    if (this.run) {
      this.run.end = last;
      this.run.paragraph &&= plain;
    } else {
      this.run = { start, end: last, paragraph: plain && indent === 0 };
    }
  }

  result(): BlockScan {
    this.endRun();
    let openAtEnd = "";
    if (this.fenceLength > 0)
      openAtEnd = String.fromCharCode(this.fenceChar).repeat(this.fenceLength);
    else if (this.inComment) openAtEnd = "-->";
    const { headings, runs } = this;
    return { headings, runs, opensWithHeading: this.opensWithHeading === true, openAtEnd };
  }
}

/** The end of the line that starts at `start`: the next `\n` or `\r`, or the body's end. */
function lineEnd(body: string, start: number): number {
  for (let index = start; index < body.length; index += 1) {
    const code = body.charCodeAt(index);
    if (code === LF || code === CR) return index;
  }
  return body.length;
}

function isBlank(body: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    if (!isSpaceOrTab(body.charCodeAt(index))) return false;
  }
  return true;
}

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** How many times the character at `start` repeats from there. */
export function runOf(body: string, start: number, end: number): number {
  const code = body.charCodeAt(start);
  let index = start;
  while (index < end && body.charCodeAt(index) === code) index += 1;
  return index - start;
}

/** A closing fence: up to three spaces, the fence character at least as often, then only spaces or tabs. */
function closesFence(line: string, char: number, length: number): boolean {
  let index = 0;
  while (index < 3 && line.charCodeAt(index) === SPACE) index += 1;
  let count = 0;
  while (line.charCodeAt(index) === char) {
    index += 1;
    count += 1;
  }
  if (count < length) return false;
  for (; index < line.length; index += 1) {
    if (!isSpaceOrTab(line.charCodeAt(index))) return false;
  }
  return true;
}

/**
 * The ATX heading on a line that starts with `#`: null when the line is not one (`#tag`,
 * `####### seven`), undefined when its text holds markup the scanner does not read.
 */
function atxHeading(
  body: string,
  start: number,
  end: number,
  next: number,
): ScannedHeading | null | undefined {
  const depth = runOf(body, start, end);
  if (depth > 6) return null;
  if (start + depth < end && !isSpaceOrTab(body.charCodeAt(start + depth))) return null;
  const line = body.slice(start, end);
  if (INLINE_MARKUP.test(line)) return undefined;
  return { start, next, depth, title: atxText(line) };
}
