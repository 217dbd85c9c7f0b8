/**
 * The few text patterns the template readers match, written as scans that stay linear in a line's
 * length. Each does exactly what the regular expression in its comment does; the expressions
 * backtrack on long runs of spaces, `?` or `:` (a line of 8,000 spaces took 2.5 s to read as a
 * `Key: value` line). test/templates/linear-text.test.ts holds each to its expression.
 */

/** `\s` of a regular expression, for the character at `index`. */
function isSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code > 0x7f && /\s/.test(text.charAt(index));
}

/** The index of the first character at or after `from` that is not `\s`. */
function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isSpace(text, index)) index += 1;
  return index;
}

/** The index just after the last character before `end` that is not `\s`. */
function trimmedEnd(text: string, end: number): number {
  let index = end;
  while (index > 0 && isSpace(text, index - 1)) index -= 1;
  return index;
}

function isSeparator(text: string, index: number): boolean {
  const char = text.charAt(index);
  return char === ":" || char === "：";
}

/**
 * A `Key: value` line: `/^\s*([^:|]{1,60}?)\s*[:：]\s*(.*)$/.exec(text)`, as `{ key, value }`
 * (the groups), or null.
 */
export function keyLine(text: string): { key: string; value: string } | null {
  if (!text.includes(":") && !text.includes("：")) return null;
  // `(.*)$` cannot pass a line terminator: every one must lie in the spaces before the value.
  const lastBreak = Math.max(...["\n", "\r", "\u2028", "\u2029"].map((c) => text.lastIndexOf(c)));
  const valueAfter = (separator: number): string | null => {
    const from = skipSpace(text, separator + 1);
    return lastBreak < from ? text.slice(from) : null;
  };
  const lead = skipSpace(text, 0);
  for (let end = lead + 1; end <= Math.min(text.length, lead + 60); end += 1) {
    const last = text.charAt(end - 1);
    if (last === ":" || last === "|") break;
    const separator = skipSpace(text, end);
    if (!isSeparator(text, separator)) continue;
    const value = valueAfter(separator);
    if (value !== null) return { key: text.slice(lead, end), value };
  }
  // The expression gives a leading space to the key when the separator follows the spaces.
  if (lead > 0 && isSeparator(text, lead)) {
    const value = valueAfter(lead);
    if (value !== null) return { key: text.charAt(lead - 1), value };
  }
  return null;
}

/** `text.replace(/[?:：]+\s*$/, "")`: trailing `?`, `:` and `：` gone, with the spaces after them. */
export function withoutTrailingMarks(text: string): string {
  const end = trimmedEnd(text, text.length);
  let start = end;
  while (start > 0 && "?:：".includes(text.charAt(start - 1))) start -= 1;
  return start < end ? text.slice(0, start) : text;
}

/**
 * A trailing parenthesised note gone: `text.replace(/\s+\([^()]*\)\s*$/, "")` when `spaceBefore`
 * is "required", `text.replace(/\s*\([^)]*\)\s*$/, "")` when it is "optional".
 */
export function withoutTrailingNote(text: string, spaceBefore: "required" | "optional"): string {
  const end = trimmedEnd(text, text.length);
  if (text.charAt(end - 1) !== ")") return text;
  const inner = text.slice(0, end - 1);
  // Required: no parenthesis inside, so the last `(`. Optional: `(` allowed inside, so the first
  // `(` after the last `)`.
  const open =
    spaceBefore === "required"
      ? inner.lastIndexOf("(")
      : inner.indexOf("(", inner.lastIndexOf(")") + 1);
  if (open === -1 || inner.slice(open + 1).includes(")")) return text;
  const start = trimmedEnd(text, open);
  if (spaceBefore === "required" && start === open) return text;
  return text.slice(0, start);
}

/**
 * A link-like construct replaced: `[text](url)` (`open` "(", `close` ")") or `[text][label]`
 * (`open` "[", `close` "]") by its text, or with `image` an image `![alt](url)` by nothing. The
 * same as `text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")`, `…\]\[[^\]]*\]/g, "$1")` and
 * `/!\[[^\]]*\]\([^)]*\)/g, ""`: the next `]` and the next closer are each found once and kept
 * while the scan moves on (the expressions looked for them again from every `[`).
 */
export function replaceLinks(
  text: string,
  shape: { open: "(" | "["; close: ")" | "]"; image: boolean },
): string {
  let out = "";
  let from = 0;
  let bracket = -2;
  let closer = -2;
  for (let at = text.indexOf("["); at !== -1; at = text.indexOf("[", at + 1)) {
    if (shape.image && (at === 0 || text.charAt(at - 1) !== "!" || at - 1 < from)) continue;
    if (bracket !== -1 && bracket <= at) bracket = text.indexOf("]", at + 1);
    if (bracket === -1) break;
    if (text.charAt(bracket + 1) !== shape.open) continue;
    if (closer !== -1 && closer < bracket + 2) closer = text.indexOf(shape.close, bracket + 2);
    if (closer === -1) break;
    out += text.slice(from, shape.image ? at - 1 : at);
    if (!shape.image) out += text.slice(at + 1, bracket);
    from = closer + 1;
    at = closer;
  }
  return out + text.slice(from);
}

/** `text.replace(/<[^>]+>/g, "")`: HTML tags gone, the next `>` found once as the scan moves on. */
export function withoutTags(text: string): string {
  let out = "";
  let from = 0;
  let close = -2;
  for (let at = text.indexOf("<"); at !== -1; at = text.indexOf("<", at + 1)) {
    if (close !== -1 && close <= at) close = text.indexOf(">", at + 1);
    if (close === -1) break;
    if (close === at + 1) continue;
    out += text.slice(from, at);
    from = close + 1;
    at = close;
  }
  return out + text.slice(from);
}
