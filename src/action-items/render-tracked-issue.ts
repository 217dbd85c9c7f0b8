import { DateTime } from "luxon";
import { dueDeadline } from "../calendar/due-deadline.js";
import type { WorkCalendar } from "../calendar/work-calendar.js";
import type { ActionItem } from "../report/types.js";
import { trackedMarker } from "./tracked-marker.js";

/** GitHub refuses issue titles longer than this. */
const MAX_TITLE_LENGTH = 256;

const LEADING_OWNERS = /^(?:@[\w-]+(?:\/[\w.-]+)?[\s,]*)+/;
const DUE_CLAUSE = /\s*\(?\s*\bdue\b\s*[:=]?\s*(?:on\s+|by\s+)?\d{4}-\d{2}-\d{2}\s*\)?/i;

/**
 * The title of an item's issue: its text without the leading owners and the due clause (they are
 * the assignees and the body's due line), first letter up; the whole text when nothing else is left.
 *
 * @example trackedIssueTitle("@alice add a pool alert (due 2026-12-01)") // "Add a pool alert"
 */
export function trackedIssueTitle(text: string): string {
  const bare = text.replace(LEADING_OWNERS, "").replace(DUE_CLAUSE, "").replace(/\s+/g, " ").trim();
  const title = bare === "" ? text.trim() : `${bare.charAt(0).toUpperCase()}${bare.slice(1)}`;
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
}

/** The owners that are people (not `@org/team`), as logins: the issue's assignees. */
export function assigneesOf(item: ActionItem): string[] {
  return item.owners.filter((owner) => !owner.includes("/")).map((owner) => owner.slice(1));
}

/**
 * The body of an item's issue: where it comes from, the item as written, owners, the due date read
 * with the team's calendar, what closing it does, and the hidden marker.
 */
export function renderTrackedIssueBody(input: {
  report: number;
  item: ActionItem;
  key: string;
  calendar: WorkCalendar;
}): string {
  const { report, item, calendar } = input;
  const lines = [`An action item of the disruption report #${report}:`, "", `> ${item.text}`, ""];
  if (item.owners.length > 0) lines.push(`**Owners:** ${item.owners.join(", ")}`, "");
  if (item.due !== null) lines.push(`**Due:** ${describeDue(calendar, item.due)}`, "");
  lines.push(
    `Closing this issue as completed checks the item in #${report}; closing it as not planned strikes the item through there (it then no longer counts). Reopening it unchecks the item.`,
    "",
    trackedMarker(report, input.key),
  );
  return lines.join("\n");
}

/** `2026-12-01 (Tuesday), by 18:00 Europe/Berlin`, or where the date moves to a working day. */
function describeDue(calendar: WorkCalendar, due: string): string {
  const deadline = dueDeadline(calendar, due);
  if (!deadline) return due;
  const date = DateTime.fromISO(due, { zone: calendar.timeZone });
  const time = `${deadline.toFormat("HH:mm")} ${calendar.timeZone}`;
  if (deadline.toISODate() === due) return `${due} (${date.toFormat("cccc")}), by ${time}`;
  return `${due} (${date.toFormat("cccc")}, not a working day), so by ${deadline.toFormat("cccc yyyy-MM-dd")}, ${time}`;
}
