import { type CustomerImpact, SEVERITIES, type Severity } from "./types.js";

/**
 * Markdown emphasis or code around a whole value (`**SEV2**`, `` `api` ``) is not part of it: the
 * longest run of `*`, `_`, `` ` `` and `~` that opens the value and closes it too is removed.
 * Linear in the text's length (the longest such run is the longest border of the text, read from
 * its prefix function), whatever the text holds.
 */
export function stripInlineMarkup(text: string): string {
  const value = text.trim();
  const limit = Math.min(
    markRun(value, 0, 1),
    markRun(value, value.length - 1, -1),
    Math.floor(value.length / 2),
  );
  if (limit === 0) return value;
  // The longest border of `value` no longer than `limit` is the longest border of its first and
  // last `limit` characters joined (a separator keeps it from crossing the join).
  const ends = `${value.slice(0, limit)}\u0000${value.slice(value.length - limit)}`;
  const prefix = prefixFunction(ends);
  const border = prefix[ends.length - 1] ?? 0;
  return border === 0 ? value : value.slice(border, value.length - border).trim();
}

/** How many of `*`, `_`, `` ` `` and `~` follow each other from `start`, stepping by `step`. */
function markRun(text: string, start: number, step: 1 | -1): number {
  let index = start;
  while (index >= 0 && index < text.length && isMark(text.charCodeAt(index))) index += step;
  return Math.abs(index - start);
}

function isMark(code: number): boolean {
  return code === 0x2a || code === 0x5f || code === 0x60 || code === 0x7e;
}

/** `prefix[i]`: the length of the longest proper prefix of `text[0..i]` that is also its suffix. */
function prefixFunction(text: string): Int32Array {
  const prefix = new Int32Array(text.length);
  for (let index = 1; index < text.length; index += 1) {
    let length = prefix[index - 1] ?? 0;
    while (length > 0 && text.charCodeAt(index) !== text.charCodeAt(length)) {
      length = prefix[length - 1] ?? 0;
    }
    if (text.charCodeAt(index) === text.charCodeAt(length)) length += 1;
    prefix[index] = length;
  }
  return prefix;
}

/**
 * A list typed as commas, lines or a markdown list: `api, web` or `- api\n- web`.
 * Order is kept; repeats (any case) are dropped.
 */
export function readList(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const piece of splitOutsideBrackets(text)) {
    const item = stripInlineMarkup(piece.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ""));
    if (item === "" || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    items.push(item);
  }
  return items;
}

/** Splits on commas, semicolons and line breaks, but not inside brackets: `checkout (eu-west-1, eu-central-1)` is one item. */
function splitOutsideBrackets(text: string): string[] {
  // Brackets that do not pair up are not grouping anything: split everywhere then.
  if (!bracketsBalanced(text)) return text.split(/[,;\n]/);
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === "(" || char === "[") depth += 1;
    else if (char === ")" || char === "]") depth -= 1;
    if (char === "\n" || (depth === 0 && (char === "," || char === ";"))) {
      pieces.push(text.slice(from, index));
      from = index + 1;
    }
  }
  pieces.push(text.slice(from));
  return pieces;
}

function bracketsBalanced(text: string): boolean {
  const open: string[] = [];
  for (const char of text) {
    if (char === "(" || char === "[") open.push(char);
    else if (char === ")" || char === "]") {
      if (open.pop() !== (char === ")" ? "(" : "[")) return false;
    } else if (char === "\n" && open.length > 0) return false;
  }
  return open.length === 0;
}

/** `SEV2`, `sev-2`, `Sev 2`, `SEV2 — major functionality broken`. */
export function readSeverity(text: string): Severity | null {
  const match = /^sev[\s_-]*([1-5])(?![0-9])/i.exec(stripInlineMarkup(text));
  return match ? (SEVERITIES[Number(match[1]) - 1] ?? null) : null;
}

/** One of the configured types, matched case-insensitively; returns the configured spelling. */
export function readType(text: string, types: readonly string[]): string | null {
  const wanted = stripInlineMarkup(text).toLowerCase();
  return types.find((type) => type.toLowerCase() === wanted) ?? null;
}

export function readCustomerImpact(text: string): CustomerImpact | null {
  const match = /^(yes|no|unknown)\b/i.exec(stripInlineMarkup(text));
  return match ? ((match[1] ?? "").toLowerCase() as CustomerImpact) : null;
}
