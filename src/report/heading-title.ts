import { fromMarkdown } from "mdast-util-from-markdown";
import { toString as mdastToString } from "mdast-util-to-string";

/** Characters that make a heading's text differ from its source: inline markup, references, NUL. */
export const INLINE_MARKUP = /[*_`[\]<>\\&~\0]/;

/** Headings longer than this are not given to the inline parser (its cost grows faster than their length). */
const MAX_PARSED_TITLE = 1_000;

/**
 * The text of an ATX heading line (`## Summary ##` gives `Summary`): the opening `#`s, the closing
 * sequence (`#`s after a space or tab, or alone) and surrounding spaces and tabs removed.
 */
export function atxText(line: string): string {
  let start = 0;
  while (start < line.length && line.charCodeAt(start) === 0x20) start += 1;
  while (start < line.length && line.charCodeAt(start) === 0x23) start += 1;
  let end = trimmedEnd(line, start, line.length);
  let hashes = end;
  while (hashes > start && line.charCodeAt(hashes - 1) === 0x23) hashes -= 1;
  if (hashes < end && (hashes === start || isSpaceOrTab(line.charCodeAt(hashes - 1)))) {
    end = hashes;
  }
  return line.slice(start, end).trim();
}

/**
 * A heading's text as GitHub shows it, without markup (`**Action items**` gives `Action items`),
 * from its source: one ATX line, or a setext heading's lines with their underline.
 */
export function headingTitle(source: string, _level: number): string {
  const oneLine = !source.includes("\n") && !source.includes("\r");
  const text = oneLine
    ? atxText(source)
    : source
        .split(/\r\n|\r|\n/)
        .slice(0, -1)
        .map((line) => line.trim())
        .join("\n");
  if (!INLINE_MARKUP.test(text)) return text.trim();
  if (text.length > MAX_PARSED_TITLE) return text.replace(/[*_`[\]<>\\~]/g, "").trim();
  const root = fromMarkdown(`# ${text.replace(/\n/g, " ")}`);
  const heading = root.children[0];
  return heading ? mdastToString(heading, { includeHtml: false }).trim() : text.trim();
}

function trimmedEnd(line: string, start: number, end: number): number {
  let last = end;
  while (last > start && isSpaceOrTab(line.charCodeAt(last - 1))) last -= 1;
  return last;
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
