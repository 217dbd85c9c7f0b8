import type { WorkCalendar } from "../calendar/work-calendar.js";
import type { LocatedActionItem } from "../report/parse-action-items.js";
import { assigneesOf, renderTrackedIssueBody, trackedIssueTitle } from "./render-tracked-issue.js";
import { itemKey } from "./tracked-marker.js";

/** An item to turn into an issue, with the issue to create. */
export interface TrackCandidate {
  key: string;
  title: string;
  body: string;
  assignees: string[];
}

/**
 * The items to track: open (unchecked, not struck through) and linking no issue yet, once per
 * distinct text. Items that already link an issue, by hand or by an earlier run, are left alone.
 */
export function planTracking(
  items: readonly LocatedActionItem[],
  options: { report: number; calendar: WorkCalendar },
): TrackCandidate[] {
  const seen = new Set<string>();
  const candidates: TrackCandidate[] = [];
  for (const { item } of items) {
    if (item.checked || item.dropped || item.references.length > 0 || item.text === "") continue;
    const key = itemKey(item.text);
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push({
      key,
      title: trackedIssueTitle(item.text),
      body: renderTrackedIssueBody({
        report: options.report,
        item,
        key,
        calendar: options.calendar,
      }),
      assignees: assigneesOf(item),
    });
  }
  return candidates;
}
