/**
 * Text from issues (titles, service names, action items) made safe to place in the monthly
 * report's markdown: it cannot break a table, open an HTML comment, or notify anyone.
 */

import { inlineMarkdown, plainText } from "../markdown/neutralise.js";

export { inlineMarkdown };

/**
 * Text for a table cell or link text: one line, markup and pipes escaped, `<` as an entity (a
 * title holding `<!--` would hide the rest of the report), mentions neutralised, clipped to `max`
 * characters (see `src/markdown/neutralise.ts`).
 *
 * @example inlineText("DB | cache down, cc @alice") // "DB \\| cache down, cc @&#8203;alice"
 */
export function inlineText(text: string, max = 200): string {
  return plainText(text, max);
}

/** A markdown link whose text is escaped: `[#12 Checkout down](https://…)`. */
export function link(text: string, url: string): string {
  return `[${inlineText(text)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** A markdown table; `right` marks the columns (by index) aligned right, numbers. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly number[] = [],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const rule = headers.map((_, index) => (right.includes(index) ? "---:" : "---"));
  return [line(headers), line(rule), ...rows.map(line)].join("\n");
}
