/**
 * Text from issues (titles, service names, action items) made safe to place in the monthly
 * report's markdown: it cannot break a table, open an HTML comment, or notify anyone.
 */

/** A zero-width space after `@`: the text still reads `@alice`, but GitHub sends no notification. */
const MENTION = /(?<![\w@/.`])@(?=[A-Za-z0-9])/g;

/**
 * Text for a table cell or link text: one line, pipes and brackets escaped, `<` as an entity (a
 * title holding `<!--` would hide the rest of the report), mentions neutralised, clipped to `max`
 * characters.
 *
 * @example inlineText("DB | cache down, cc @alice") // "DB \\| cache down, cc @&#8203;alice"
 */
export function inlineText(text: string, max = 200): string {
  return clip(text.replace(/\s+/g, " ").trim(), max)
    .replace(/\\/g, "\\\\")
    .replace(/([|[\]*_~`])/g, "\\$1")
    .replace(/</g, "&lt;")
    .replace(MENTION, "@&#8203;");
}

/**
 * Markdown the author wrote (an action item's text), kept as markdown but made safe for one table
 * cell: one line, pipes escaped, HTML comments opened as text, mentions neutralised.
 */
export function inlineMarkdown(text: string, max = 200): string {
  // Inside a code span an entity shows as written and a mention notifies nobody: leave it be.
  return clip(text.replace(/\s+/g, " ").trim(), max)
    .split(/(`+[^`]*`+)/)
    .map((piece, index) =>
      index % 2 === 1
        ? piece.replace(/\|/g, "\\|")
        : piece.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(MENTION, "@&#8203;"),
    )
    .join("");
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

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
