import { locateActionItems } from "../report/parse-action-items.js";
import { readStructure } from "../report/read-structure.js";
import { itemKey } from "./tracked-marker.js";

/**
 * The body with each tracked item's issue reference (`#45`) appended at the end of the item's
 * line, touching nothing else. Items are found in `body` as it is now (read just before the
 * write), by their key; an item that meanwhile links an issue, or is gone, is left as it is.
 * Returns the body unchanged when there is nothing to append.
 *
 * @example appendReferences("- [ ] add an alert", new Map([[itemKey("add an alert"), "#45"]]))
 *   // "- [ ] add an alert #45"
 */
export function appendReferences(body: string, references: ReadonlyMap<string, string>): string {
  const located = locateActionItems(body, readStructure(body));
  const edits = located
    .filter(({ item }) => item.references.length === 0 && references.has(itemKey(item.text)))
    .map(({ item, end }) => ({ at: end, text: ` ${references.get(itemKey(item.text))}` }))
    .sort((a, b) => b.at - a.at);
  let result = body;
  for (const edit of edits)
    result = `${result.slice(0, edit.at)}${edit.text}${result.slice(edit.at)}`;
  return result;
}
