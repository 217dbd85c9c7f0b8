import { derivedRowNamed, META_NAMES, metaFieldNamed } from "./field-names.js";
import { endOffset, plainText, startOffset } from "./markdown.js";
import { locateOverviewTable } from "./read-structure.js";
import { rowLineEnd, rowPrefix } from "./read-table.js";
import { cell } from "./table-cell.js";
import { META_FIELDS, type MetaField } from "./types.js";

/**
 * Sets one meta field's value in the Overview table and touches nothing else: the value cell of
 * each row of that field is replaced (every row, so the field is not left written twice with
 * different values); a field without a row gets one, after the rows of the fields the table lists
 * before it. Returns null when the body has no Overview table.
 *
 * @example setOverviewValue(body, "mitigated", "2026-11-20 14:40 UTC")
 */
export function setOverviewValue(body: string, field: MetaField, value: string): string | null {
  const table = locateOverviewTable(body);
  if (!table) return null;
  const text = cell(value);
  const edits: { start: number; end: number; text: string }[] = [];
  const rows = table.children.slice(1);
  for (const row of rows) {
    const [nameCell, valueCell] = row.children;
    if (!nameCell || metaFieldNamed(plainText(nameCell)) !== field) continue;
    if (valueCell) {
      const start = startOffset(valueCell);
      const end = endOffset(valueCell);
      const closing = body.slice(start, end).trimEnd().endsWith("|") && end > start + 1 ? " |" : "";
      edits.push({ start, end, text: `| ${text}${closing}` });
    } else {
      const end = endOffset(row);
      const separator = body.slice(startOffset(row), end).trimEnd().endsWith("|") ? "" : " |";
      edits.push({ start: end, end, text: `${separator} ${text} |` });
    }
  }
  if (edits.length === 0) {
    const newline = body.includes("\r\n") ? "\r\n" : "\n";
    const line = `| ${META_NAMES[field].row} | ${text} |`;
    const before = META_FIELDS.slice(0, META_FIELDS.indexOf(field));
    const previous = rows.findLast((row) => {
      const name = row.children[0] ? plainText(row.children[0]) : "";
      const meta = metaFieldNamed(name);
      return meta !== null && before.includes(meta);
    });
    const prefix = rows[0] ? rowPrefix(body, rows[0]) : "";
    if (previous) {
      const at = rowLineEnd(body, endOffset(previous));
      edits.push({ start: at, end: at, text: newline + prefix + line });
    } else {
      // No earlier field: before the first meta or derived row, or at the end of the table.
      const next = rows.find((row) => {
        const name = row.children[0] ? plainText(row.children[0]) : "";
        return metaFieldNamed(name) !== null || derivedRowNamed(name) !== null;
      });
      const at = next ? startOffset(next) : rowLineEnd(body, endOffset(table));
      edits.push(
        next
          ? { start: at, end: at, text: line + newline + prefix }
          : { start: at, end: at, text: newline + prefix + line },
      );
    }
  }
  let next = body;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
  }
  return next;
}
