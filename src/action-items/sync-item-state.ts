import { referenceKey } from "../close-guard/decide-close.js";
import { locateActionItems } from "../report/parse-action-items.js";
import { readStructure } from "../report/read-structure.js";

/** What happened to a tracked issue. */
export type TrackedChange = "completed" | "not_planned" | "reopened";

const NOT_PLANNED = " not planned";

/**
 * The report body with the item that links the tracked issue brought in line with it: checked
 * when the issue was completed, unchecked when it was reopened, struck through with "not planned"
 * when it was closed as not planned (the parser then drops it: it no longer counts). Only the
 * checkbox and the text's ends are touched. Returns null when nothing needs to change (already in
 * line, or no item links the issue).
 */
export function syncItemState(
  body: string,
  tracked: { owner: string; name: string; number: number },
  change: TrackedChange,
): string | null {
  const repository = { owner: tracked.owner, name: tracked.name };
  const target = `${tracked.owner}/${tracked.name}#${tracked.number}`.toLowerCase();
  const located = locateActionItems(body, readStructure(body)).filter(({ item }) =>
    item.references.some((ref) => referenceKey(ref, repository) === target),
  );
  let result = body;
  // From the last item back, so that earlier offsets stay true.
  for (const { item, checkbox, textStart, end } of [...located].reverse()) {
    const text = result.slice(textStart, end);
    const struck = strikeOf(text);
    const current = result.charAt(checkbox + 1);
    let next = text;
    let box = current;
    if (change === "completed") {
      if (struck !== null) next = struck;
      if (current === " ") box = "x";
    } else if (change === "reopened") {
      if (struck !== null) next = struck;
      box = " ";
    } else if (!item.dropped) {
      next = `~~${text}~~${NOT_PLANNED}`;
    }
    if (next === text && box === current) continue;
    result = `${result.slice(0, checkbox + 1)}${box}${result.slice(checkbox + 2, textStart)}${next}${result.slice(end)}`;
  }
  return result === body ? null : result;
}

/** The text inside the app's own `~~…~~ not planned`, or null when the text is not that. */
function strikeOf(text: string): string | null {
  if (!text.startsWith("~~") || !text.endsWith(`~~${NOT_PLANNED}`)) return null;
  const inner = text.slice(2, -(2 + NOT_PLANNED.length));
  return inner.includes("~~") ? null : inner;
}
