import { referenceKey } from "../close-guard/decide-close.js";
import type { Config } from "../config/config.js";
import { locateActionItems } from "../report/parse-action-items.js";
import { parseReport } from "../report/parse-report.js";
import { readStructure } from "../report/read-structure.js";
import { updateDerivedRows } from "../report/update-derived-rows.js";

/** What happened to a tracked issue. */
export type TrackedChange = "completed" | "not_planned" | "reopened";

const NOT_PLANNED = " not planned";

/**
 * What a close or reopen of a tracked issue does to its item: `closed` as completed (or without a
 * reason) → `completed`, as not planned → `not_planned`, `reopened` → `reopened`; a close as a
 * duplicate → null (the item is left alone).
 */
export function trackedChange(action: string, stateReason: string | null): TrackedChange | null {
  if (action === "reopened") return "reopened";
  if (stateReason === "not_planned") return "not_planned";
  if (stateReason === "duplicate") return null;
  return "completed";
}

/**
 * The report body after its tracked issue changed: the item in line ({@link syncItemState}) and
 * the derived "Action items" row following it. Null when nothing needs to change.
 */
export function followTrackedIssue(
  body: string,
  tracked: { owner: string; name: string; number: number },
  change: TrackedChange,
  config: Config,
): string | null {
  const synced = syncItemState(body, tracked, change);
  if (synced === null) return null;
  const parsed = parseReport(synced, { timeZone: config.timeZone, types: config.types });
  const derived = updateDerivedRows(synced, parsed);
  return derived && derived.changed.length > 0 ? derived.body : synced;
}

/**
 * The report body with the item that links the tracked issue brought in line with it: checked
 * when the issue was completed, unchecked when it was reopened, struck through with "not planned"
 * when it was closed as not planned (the parser then drops it: it no longer counts). Only the
 * checkbox and the text's ends are touched. Returns null when nothing needs to change (already in
 * line, or no item links the issue).
 */
function syncItemState(
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
