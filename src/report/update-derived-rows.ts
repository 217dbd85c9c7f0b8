import { DERIVED_ROWS, type DerivedRow, derivedRowNamed } from "./field-names.js";
import { cellSource } from "./find-overview-table.js";
import { endOffset, plainText, startOffset } from "./markdown.js";
import { locateOverviewTable } from "./read-structure.js";
import { rowLineEnd, rowPrefix } from "./read-table.js";
import { renderDerivedRows } from "./render-derived.js";
import { cell } from "./table-cell.js";
import type { ParsedReport } from "./types.js";

export interface DerivedUpdate {
  body: string;
  /** The derived rows whose text changed (or were added); empty when the body is already true. */
  changed: DerivedRow[];
}

/**
 * Brings the derived rows of the Overview table up to date and touches nothing else: every
 * character outside the rewritten value cells stays as the author left it. A missing derived row
 * is added at the end of the table. Returns null when the body has no Overview table.
 */
export function updateDerivedRows(body: string, parsed: ParsedReport): DerivedUpdate | null {
  // The parsed report knows where its table is; a body other than the one it was read from is read.
  const table = parsed.layout.body === body ? parsed.layout.table : locateOverviewTable(body);
  if (!table) return null;
  const wanted = renderDerivedRows(parsed.durations, parsed.actionItems);
  const edits: { start: number; end: number; text: string }[] = [];
  const changed: DerivedRow[] = [];
  const seen = new Set<DerivedRow>();
  for (const row of table.children.slice(1)) {
    const [nameCell, valueCell] = row.children;
    const name = nameCell ? derivedRowNamed(plainText(nameCell)) : null;
    if (!name || !nameCell || seen.has(name)) continue;
    seen.add(name);
    const current = valueCell ? cellSource(body, valueCell) : "";
    if (current === wanted[name]) continue;
    changed.push(name);
    if (valueCell) {
      const start = startOffset(valueCell);
      const end = endOffset(valueCell);
      const closing = body.slice(start, end).trimEnd().endsWith("|") && end > start + 1 ? " |" : "";
      edits.push({ start, end, text: `| ${cell(wanted[name])}${closing}` });
    } else {
      // A row with only its name: `| Length |` gets its value cell, `| Length` a separator first.
      const end = endOffset(row);
      const separator = body.slice(startOffset(row), end).trimEnd().endsWith("|") ? "" : " |";
      edits.push({ start: end, end, text: `${separator} ${cell(wanted[name])} |` });
    }
  }
  const missing = DERIVED_ROWS.filter((row) => !seen.has(row));
  if (missing.length > 0) {
    const end = rowLineEnd(body, endOffset(table));
    const newline = body.slice(0, end).includes("\r\n") ? "\r\n" : "\n";
    const last = table.children[table.children.length - 1];
    const prefix = last ? rowPrefix(body, last) : "";
    const rows = missing
      .map((row) => `${newline}${prefix}| ${row} | ${cell(wanted[row])} |`)
      .join("");
    edits.push({ start: end, end, text: rows });
    changed.push(...missing);
  }
  let next = body;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
  }
  return { body: next, changed };
}
