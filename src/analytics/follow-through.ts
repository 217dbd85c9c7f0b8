import type { DateTime } from "luxon";
import type { WorkCalendar } from "../calendar/work-calendar.js";
import { workingDaysBetween } from "../calendar/working-days.js";
import { isoTime } from "../report/parse-time.js";
import { type ReportRecord, recordTime } from "./read-report-record.js";
import type { MissingLessons, OpenActionItem, OpenReport } from "./types.js";

/** Working days a SEV1/SEV2 review may take before its empty Lessons are listed (docs/definitions.md, `002`). */
export const REVIEW_BUSINESS_DAYS = 2;

export interface FollowThrough {
  openActionItems: OpenActionItem[];
  openReports: OpenReport[];
  missingLessons: MissingLessons[];
}

/**
 * Follow-through over every report, whatever its month: open action items (overdue when the due
 * date is before today in the zone of `now`), reports still open, and SEV1/SEV2 reports whose
 * Lessons are empty {@link REVIEW_BUSINESS_DAYS} working days after they were resolved (the team's
 * calendar: its working days, less its holidays).
 * Overdue items come first, then by due date; open reports by number; missing lessons by when
 * they were resolved.
 */
export function followThrough(
  records: readonly ReportRecord[],
  now: DateTime,
  calendar: WorkCalendar,
): FollowThrough {
  const today = now.toISODate() ?? "";
  // The zone the records were read in, and the figures are (the calendar's).
  const zone = calendar.timeZone;
  const openActionItems: OpenActionItem[] = [];
  const openReports: OpenReport[] = [];
  const startedAt = new Map<OpenReport["issue"], number | null>();
  const missingLessons: MissingLessons[] = [];
  for (const record of records) {
    for (const item of record.openItems) {
      openActionItems.push({
        issue: record.issue,
        text: item.text,
        owners: item.owners,
        due: item.due,
        overdue: item.due !== null && item.due < today,
      });
    }
    if (record.open) {
      startedAt.set(record.issue, record.started);
      openReports.push({
        issue: record.issue,
        severity: record.severity,
        started: record.started === null ? null : isoTime(recordTime(record.started, zone)),
      });
    }
    if (
      (record.severity === "SEV1" || record.severity === "SEV2") &&
      record.lessonsEmpty &&
      record.resolved !== null
    ) {
      const resolved = recordTime(record.resolved, zone);
      if (workingDaysBetween(calendar, resolved, now, REVIEW_BUSINESS_DAYS) < REVIEW_BUSINESS_DAYS)
        continue;
      missingLessons.push({
        issue: record.issue,
        severity: record.severity,
        resolved: isoTime(resolved),
      });
    }
  }
  sortByUrgency(openActionItems, openReports, missingLessons, startedAt);
  return { openActionItems, openReports, missingLessons };
}

/**
 * Each list in the order it is shown (and, past its first rows, cut): overdue items first, then by
 * due date; open reports oldest first by when the disruption started (a report without a readable
 * Started last), then by repository and number, since in an organisation-wide report the numbers
 * of different repositories say nothing of age; missing reviews by when they were resolved.
 */
function sortByUrgency(
  openActionItems: OpenActionItem[],
  openReports: OpenReport[],
  missingLessons: MissingLessons[],
  startedAt: ReadonlyMap<OpenReport["issue"], number | null>,
): void {
  openActionItems.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      compareDue(a.due, b.due) ||
      a.issue.number - b.issue.number,
  );
  openReports.sort(
    (a, b) =>
      compareStarted(startedAt.get(a.issue) ?? null, startedAt.get(b.issue) ?? null) ||
      (a.issue.repo ?? "").localeCompare(b.issue.repo ?? "") ||
      a.issue.number - b.issue.number,
  );
  missingLessons.sort((a, b) => a.resolved.localeCompare(b.resolved));
}

/** Earliest first; a report whose Started could not be read last. */
function compareStarted(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** Items with a due date first, earliest first. */
function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
