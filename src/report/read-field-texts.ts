import type { Table } from "mdast";
import { metaFieldNamed } from "./field-names.js";
import { cellSource } from "./find-overview-table.js";
import { isPlaceholder, plainText } from "./markdown.js";
import { type Block, blockText } from "./section-scope.js";
import type { MetaField } from "./types.js";

/**
 * The raw text of every meta field the body holds, from the Overview table's rows and from
 * form-style headings (`### Started at`). A form placeholder (`_No response_`, `None`, an empty
 * fence) counts as present but empty. A field written twice with different values keeps both
 * texts, one per line, so nothing is lost, and is listed in `repeated`.
 */
export function readFieldTexts(
  body: string,
  table: Table | null,
  blocks: Block[],
): { raw: Partial<Record<MetaField, string>>; repeated: MetaField[] } {
  const raw: Partial<Record<MetaField, string>> = {};
  const repeated = new Set<MetaField>();
  const put = (field: MetaField, text: string): void => {
    const before = raw[field];
    if (before === undefined || before === "") raw[field] = text;
    // A text already held (the Overview cell the app copied from two headings) adds nothing.
    else if (text !== "" && !`\n${before}\n`.includes(`\n${text}\n`)) {
      raw[field] = `${before}\n${text}`;
      repeated.add(field);
    }
  };
  if (table) {
    for (const row of table.children.slice(1)) {
      const [nameCell, valueCell] = row.children;
      const field = nameCell ? metaFieldNamed(plainText(nameCell)) : null;
      if (field) put(field, valueCell ? cellSource(body, valueCell) : "");
    }
  }
  for (const block of blocks) {
    if (block.kind !== "meta") continue;
    // `\|` reads as a pipe in markdown, as it does in a table cell: the value is the same either way.
    const text = blockText(body, block).replace(/\\\|/g, "|");
    put(block.field, isPlaceholder(text) ? "" : text);
  }
  return { raw, repeated: [...repeated] };
}
