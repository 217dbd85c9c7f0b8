import { normalizeName } from "../report/field-names.js";
import { isTableDelimiterRow } from "../report/markdown.js";
import { stripInlineMarkup } from "../report/read-values.js";
import { keyLine, withoutTrailingMarks, withoutTrailingNote } from "./linear-text.js";

/** A heading of the team's document: an ATX heading, or a line that is only bold text. */
interface TemplateHeading {
  /** Its text without markup, as `normalizeName` compares it (`what went well`). */
  key: string;
  depth: number;
  /** The lines under it, up to the next heading of the same or a higher level. */
  content: string;
}

/** A `Key: value` line (any list marker and bold around the key) or a two-column table row. */
interface KeyValue {
  key: string;
  value: string;
}

/** What `scanTemplateBody` finds: headings with their content, key lines, and the text before any heading. */
export interface TemplateBody {
  headings: TemplateHeading[];
  pairs: KeyValue[];
  preamble: string;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const BOLD_LINE = /^ {0,3}(?:\*\*|__)([^*_]{1,100}?)(?:\*\*|__)[ \t]*:?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+/;

/**
 * Reads a body the way a person skims a template: its headings (the content of each), the
 * `Key: value` lines and table rows (outside code fences and HTML comments), and the text before
 * the first heading. One pass over the lines, so any body up to GitHub's limit reads in
 * milliseconds.
 *
 * @example
 * scanTemplateBody("**Severity:** P2\n\n## Timeline\n- 14:05 paged").pairs // [{ key: "severity", value: "P2" }]
 */
export function scanTemplateBody(body: string): TemplateBody {
  const lines = body.split(/\r\n|\r|\n/);
  const heads: { index: number; depth: number; key: string }[] = [];
  const pairs: KeyValue[] = [];
  let fence: string | null = null;
  let comment = false;
  lines.forEach((line, index) => {
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      return;
    }
    if (comment || /^\s*<!--/.test(line)) {
      comment = !line.includes("-->");
      return;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = open[1] ?? "```";
      return;
    }
    const heading = headingOf(line);
    if (heading) heads.push({ index, ...heading });
    else pairs.push(...pairsOf(line));
  });
  const ends = sectionEnds(heads, lines.length);
  const headings = heads.map((head, position) => ({
    key: head.key,
    depth: head.depth,
    content: withoutOverviewTable(lines.slice(head.index + 1, ends[position]))
      .join("\n")
      .trim(),
  }));
  const preamble = lines
    .slice(0, heads[0]?.index ?? lines.length)
    .join("\n")
    .trim();
  return { headings, pairs, preamble };
}

/** For each heading, the line of the next heading of its level or higher (one pass, a stack). */
function sectionEnds(heads: readonly { index: number; depth: number }[], end: number): number[] {
  const ends: number[] = new Array(heads.length).fill(end);
  const stack: number[] = [];
  for (let position = heads.length - 1; position >= 0; position -= 1) {
    const depth = heads[position]?.depth ?? 1;
    while (stack.length > 0 && (heads[stack[stack.length - 1] ?? 0]?.depth ?? 1) > depth)
      stack.pop();
    const next = stack[stack.length - 1];
    if (next !== undefined) ends[position] = heads[next]?.index ?? end;
    stack.push(position);
  }
  return ends;
}

/** Lines without the app's `| Field | Value |` table: it is the app's, not the team's text. */
function withoutOverviewTable(lines: string[]): string[] {
  const start = lines.findIndex((line) => /^\s*\|\s*Field\s*\|\s*Value\s*\|\s*$/i.test(line));
  if (start < 0) return lines;
  let end = start;
  while (end < lines.length && (lines[end] ?? "").trim().startsWith("|")) end += 1;
  return [...lines.slice(0, start), ...lines.slice(end)];
}

function headingOf(line: string): { depth: number; key: string } | null {
  const atx = ATX.exec(line);
  if (atx) return { depth: atx[1]?.length ?? 1, key: keyOf(atx[2] ?? "") };
  const bold = BOLD_LINE.exec(line);
  return bold ? { depth: 7, key: keyOf(bold[1] ?? "") } : null;
}

/**
 * A heading or key as names are compared: no markup, no trailing `(UTC)`-style note, `:` or `?`,
 * any case (`When did it start? (UTC)` is `when did it start`).
 */
export function keyOf(text: string): string {
  const plain = stripInlineMarkup(text.replace(/\*\*|__/g, ""));
  return normalizeName(withoutTrailingMarks(withoutTrailingNote(plain, "required")));
}

function pairsOf(line: string): KeyValue[] {
  if (line.includes("|")) {
    if (isTableDelimiterRow(line)) return [];
    const cells = tableCells(line);
    if (cells.length < 2) return [];
    return [{ key: keyOf(cells[0] ?? ""), value: stripInlineMarkup(cells[1] ?? "") }];
  }
  const match = keyLine(line.replace(LIST_MARKER, "").replace(/\*\*|__/g, ""));
  if (!match) return [];
  return [{ key: keyOf(match.key), value: stripInlineMarkup(match.value) }];
}

/** The cells of a table row (`| a | b |`), `\|` kept as a pipe inside a cell. */
export function tableCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, "|").trim());
}
