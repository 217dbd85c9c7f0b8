/** A value as a GFM table cell: pipes escaped, line breaks as `<br>`. */
export function cell(text: string): string {
  return text.replace(/\\\|/g, "|").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
