import type { DateTime } from "luxon";
import { dueDeadline, isOverdue } from "../calendar/due-deadline.js";
import { weekKey } from "../calendar/reminder-week.js";
import type { WorkCalendar } from "../calendar/work-calendar.js";
import { workingDaysBetween } from "../calendar/working-days.js";
import type { ParsedReport } from "../report/types.js";
import { itemKey } from "./tracked-marker.js";

/** Working days a SEV1/SEV2 report may go without Lessons after it was resolved (docs/definitions.md). */
const LESSONS_WORKING_DAYS = 2;

const MARKER = /<!-- disruption-reports:reminder week=(\d{4}-W\d{2}) mentioned=([0-9a-f,]*) -->/;
export const REMINDER_MARKER = "<!-- disruption-reports:reminder ";

/** What a reminder comment remembers: the week it was written for, the items whose owners were pinged. */
export interface ReminderState {
  week: string;
  mentioned: string[];
}

/** The state a reminder comment's marker holds, or null for any other text. */
export function readReminderState(body: string): ReminderState | null {
  const match = MARKER.exec(body);
  if (!match) return null;
  return { week: match[1] ?? "", mentioned: (match[2] ?? "").split(",").filter(Boolean) };
}

/**
 * True for a SEV1/SEV2 report whose Lessons are empty more than {@link LESSONS_WORKING_DAYS}
 * working days (the team's calendar) after it was resolved.
 */
function lessonsOverdue(parsed: ParsedReport, calendar: WorkCalendar, now: DateTime): boolean {
  const { severity } = parsed.report;
  const resolved = parsed.times.resolved;
  if ((severity !== "SEV1" && severity !== "SEV2") || !resolved) return false;
  const lessons = parsed.sections.find((section) => section.name === "Lessons");
  if (lessons && !lessons.empty) return false;
  return workingDaysBetween(calendar, resolved, now, LESSONS_WORKING_DAYS) >= LESSONS_WORKING_DAYS;
}

/**
 * The week's reminder on a report, or null when there is nothing to remind of (no overdue open
 * item, Lessons written or not yet due). Owners of an item are mentioned (`@alice`, a
 * notification) the first week the item is overdue; later weeks name them without a ping.
 */
export function renderReminder(input: {
  parsed: ParsedReport;
  calendar: WorkCalendar;
  now: DateTime;
  previous: ReminderState | null;
}): { body: string; state: ReminderState } | null {
  const { parsed, calendar, now } = input;
  const overdue = parsed.actionItems.filter(
    (item) => !item.checked && !item.dropped && isOverdue(calendar, item.due, now),
  );
  const lessons = lessonsOverdue(parsed, calendar, now);
  if (overdue.length === 0 && !lessons) return null;

  const mentionedBefore = new Set(input.previous?.mentioned ?? []);
  const lines = [`**Follow-up reminder** for the week ${weekKey(calendar, now)}`, ""];
  if (overdue.length > 0) {
    lines.push(
      overdue.length === 1
        ? "This action item is overdue:"
        : `These ${overdue.length} action items are overdue:`,
      "",
    );
    for (const item of overdue) {
      const first = !mentionedBefore.has(itemKey(item.text));
      const owners = item.owners.map((owner) => (first ? owner : `\`${owner}\``));
      const deadline = dueDeadline(calendar, item.due ?? "");
      const late = deadline ? workingDaysBetween(calendar, deadline, now) : 0;
      lines.push(
        `- ${quoteItem(item.text)} — due ${item.due}${late > 0 ? `, ${late} working day${late === 1 ? "" : "s"} ago` : ""}${owners.length > 0 ? ` · ${owners.join(", ")}` : " · no owner: name one"}`,
      );
    }
    lines.push("");
  }
  if (lessons) {
    lines.push(
      `The **Lessons** section is still empty more than ${LESSONS_WORKING_DAYS} working days after this ${parsed.report.severity} disruption was resolved: write what the team learned.`,
      "",
    );
  }
  lines.push(
    "Done? Check the item, or close its issue. Not doing it? Strike it through with a reason (`- [ ] ~~the item~~ why not`). This comment is edited in place each week.",
  );
  // Keys of items no longer in the report are forgotten, so the marker stays as short as the list.
  const present = new Set(parsed.actionItems.map((item) => itemKey(item.text)));
  const mentioned = [...new Set([...mentionedBefore, ...overdue.map((item) => itemKey(item.text))])]
    .filter((key) => present.has(key))
    .sort();
  const state = { week: weekKey(calendar, now), mentioned };
  lines.push(`${REMINDER_MARKER}week=${state.week} mentioned=${mentioned.join(",")} -->`);
  return { body: lines.join("\n"), state };
}

/** The item's text as a quote that cannot ping anyone or break the list. */
function quoteItem(text: string): string {
  const clipped = text.length > 200 ? `${text.slice(0, 199)}…` : text;
  return `“${clipped.replace(/@(?=[A-Za-z0-9])/g, "@\u200b")}”`;
}
