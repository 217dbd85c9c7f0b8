/**
 * The lines of a body as the block parser is given them (see `parseBlocks`): over-long container
 * prefixes and heading lines are cut, and the offsets of every line are kept to map the parser's
 * line and column back into the body.
 */
import type { BodyLine } from "./gfm-table-end.js";

/**
 * Container prefixes (indentation, `>` and list markers at the start of a line) longer than this
 * are cut before parsing. The block parser walks every open container on every line, so a body
 * nested hundreds of levels deep costs time that grows with the cube of its depth; 64 characters
 * still allow 16–32 levels, which is more than any report has.
 */
const MAX_PREFIX = 64;

/** ATX heading lines longer than this are shortened before parsing (see `shortHeading`). */
const MAX_HEADING = 200;

/**
 * The lines of the body, as two arrays of numbers rather than an object a line: a body of 32,768
 * one-character lines would otherwise hold as many objects through the whole parse.
 */
export interface Lines {
  starts: Int32Array;
  /** Offsets of the lines' ends (before their line endings). */
  ends: Int32Array;
  /** The lines (0-based) whose container prefix or heading text is cut before parsing. */
  cuts: Map<number, Cut>;
}

interface Cut {
  /** How many characters of the line are kept before the cut. */
  kept: number;
  /** How many are cut after them. */
  cut: number;
  /** The rest of the line after the cut, given to the parser in their place. */
  rest: string;
}

/** The lines of the body (`\r\n`, `\r` and `\n` end a line), each with an over-long prefix cut. */
export function splitLines(body: string): Lines {
  // Sized once: arrays grown a line at a time cost more than the scan in a body of short lines.
  const count = lineCount(body);
  const lines: Lines = {
    starts: new Int32Array(count),
    ends: new Int32Array(count),
    cuts: new Map(),
  };
  let start = 0;
  for (let index = 0; index < count; index += 1) {
    let end = start;
    while (end < body.length) {
      const code = body.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end += 1;
    }
    const cut = lineCut(body, start, end);
    if (cut) lines.cuts.set(index, cut);
    lines.starts[index] = start;
    lines.ends[index] = end;
    start = end + (body.charCodeAt(end) === 13 && body.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return lines;
}

/** How many lines the body has: one more than its line endings. */
function lineCount(body: string): number {
  let count = 1;
  for (let at = body.indexOf("\n"); at !== -1; at = body.indexOf("\n", at + 1)) count += 1;
  if (!body.includes("\r")) return count;
  // A lone `\r` ends a line too; the `\r` of a `\r\n` does not add one.
  for (let at = body.indexOf("\r"); at !== -1; at = body.indexOf("\r", at + 1)) {
    if (body.charCodeAt(at + 1) !== 10) count += 1;
  }
  return count;
}

/** How a line is cut before parsing: its over-long container prefix, or its long heading text. */
function lineCut(body: string, start: number, end: number): Cut | null {
  const prefix = prefixLength(body, start, end);
  if (prefix > MAX_PREFIX) {
    return { kept: MAX_PREFIX, cut: prefix - MAX_PREFIX, rest: body.slice(start + prefix, end) };
  }
  return shortHeading(body, start, end, prefix);
}

/**
 * A long ATX heading line is given to the parser as its opening `#`s and one letter: the parser
 * strips a closing sequence with a regular expression whose cost grows with the square of the
 * spaces in the line, and the heading's text is read from the body (see `headingTitle`).
 */
function shortHeading(body: string, start: number, end: number, prefix: number): Cut | null {
  if (end - start <= MAX_HEADING) return null;
  let at = start + prefix;
  while (at < end && body.charCodeAt(at) === 32) at += 1;
  let hashes = 0;
  while (body.charCodeAt(at + hashes) === 35) hashes += 1;
  if (hashes === 0 || hashes > 6) return null;
  const after = body.charCodeAt(at + hashes);
  if (after !== 32 && after !== 9) return null;
  const kept = at + hashes - start;
  return { kept, cut: end - start - kept, rest: " h" };
}

/** The length of the characters that can open or continue containers at the start of a line. */
function prefixLength(body: string, start: number, end: number): number {
  let index = start;
  while (index < end && isPrefixCode(body.charCodeAt(index))) index += 1;
  return index - start;
}

/** A space, tab, `>`, `-`, `*`, `+`, `.`, `)` or digit. */
function isPrefixCode(code: number): boolean {
  if (code >= 0x30 && code <= 0x39) return true;
  switch (code) {
    case 0x20:
    case 0x09:
    case 0x3e:
    case 0x2d:
    case 0x2a:
    case 0x2b:
    case 0x2e:
    case 0x29:
      return true;
    default:
      return false;
  }
}

/** The parser's input: each line with its over-long prefix cut, `\n` line endings. */
export function inputOf(body: string, lines: Lines): string {
  const parts: string[] = [];
  for (let index = 0; index < lines.starts.length; index += 1) {
    const start = lines.starts[index] as number;
    const cut = lines.cuts.get(index);
    parts.push(
      cut
        ? body.slice(start, start + cut.kept) + cut.rest
        : body.slice(start, lines.ends[index] as number),
    );
  }
  return parts.join("\n");
}

/**
 * The lines from `from` to before `to` (0-based), as offsets: built only for the paragraphs that
 * may hold a table.
 */
export function bodyLines(lines: Lines, from: number, to: number): BodyLine[] {
  const out: BodyLine[] = [];
  for (let index = from; index < to; index += 1) {
    out.push({ start: lines.starts[index] as number, end: lines.ends[index] as number });
  }
  return out;
}
