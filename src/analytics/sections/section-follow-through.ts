import { REVIEW_BUSINESS_DAYS } from "../follow-through.js";
import { localTime } from "../format-figures.js";
import { inlineMarkdown, inlineText } from "../markdown-text.js";
import type { OpenActionItem } from "../types.js";
import { type Block, foldedTable } from "./blocks.js";
import { plural, type ReportView, reportLink } from "./report-view.js";

/**
 * Rows each follow-through list shows at most: the most pressing (overdue items first, then by due
 * date; open reports and missing reviews oldest first); its summary counts them all and says how
 * many more there are. 100,000 reports have some 150,000 open items: an issue of every one of
 * them would be thirty comments long and read by nobody.
 */
export const LISTED_ROWS = 100;

/** Open action items, open reports and missing reviews, each folded under a one-line summary. */
export function followThroughSection(view: ReportView): Block[] {
  return [
    "## Follow-through",
    `Over all reports, whatever period they belong to, on ${view.result.details.asOf}.`,
    ...actionItemBlocks(view),
    ...openReportBlocks(view),
    ...missingLessonBlocks(view),
  ];
}

/** `81 open action items, 46 overdue, oldest 2025-11-27`. */
function actionItemSummary(items: readonly OpenActionItem[]): string {
  let overdue = 0;
  let oldest: string | null = null;
  for (const item of items) {
    if (item.overdue) overdue += 1;
    if (item.due !== null && (oldest === null || item.due < oldest)) oldest = item.due;
  }
  const since = oldest ? `, oldest ${oldest}` : "";
  return `${plural(items.length, "open action item")}, ${overdue} overdue${since}`;
}

/** `; the 100 most pressing are listed, 1234 more are not`, when a list is longer than shown. */
function more(total: number, which: string): string {
  return total > LISTED_ROWS
    ? `; the ${LISTED_ROWS} ${which} are listed, ${total - LISTED_ROWS} more are not`
    : "";
}

function actionItemBlocks(view: ReportView): Block[] {
  const all = view.result.details.openActionItems;
  if (all.length === 0) return ["**No open action items**: every one is done or dropped."];
  const items = all.slice(0, LISTED_ROWS);
  const groups = new Map<string, { item: OpenActionItem; owner: string; list: OpenActionItem[] }>();
  for (const item of items) {
    const owner = item.owners.join(", ");
    const key = `${item.issue.url}\u0000${owner}`;
    const group = groups.get(key);
    if (group) group.list.push(item);
    else groups.set(key, { item, owner, list: [item] });
  }
  // Items come overdue first, then by due date; a Map keeps the order of first appearance, so a
  // report and each of its owners come where their most pressing item is.
  const byReport = new Map<string, (typeof groups extends Map<string, infer G> ? G : never)[]>();
  for (const group of groups.values()) {
    const list = byReport.get(group.item.issue.url) ?? [];
    list.push(group);
    byReport.set(group.item.issue.url, list);
  }
  const rows = [...byReport.values()].flatMap((list) =>
    list.map((group, index) => [
      index === 0 ? reportLink(view, group.item.issue) : "",
      group.owner ? inlineText(group.owner) : "no owner",
      group.list.map((item) => inlineMarkdown(item.text)).join("<br>"),
      group.list.map(dueCell).join("<br>"),
    ]),
  );
  return [
    foldedTable(
      `<b>${actionItemSummary(all)}</b> (by report, then owner${more(all.length, "most pressing")})`,
      ["Report", "Owner", "Action items", "Due"],
      rows,
    ),
  ];
}

function openReportBlocks(view: ReportView): Block[] {
  const all = view.result.details.openReports;
  if (all.length === 0) return ["**No report is still open.**"];
  let first: string | null = null;
  for (const report of all)
    if (report.started && (first === null || report.started < first)) first = report.started;
  const oldest = first ? `, the oldest started ${first.slice(0, 10)}` : "";
  return [
    foldedTable(
      `<b>${plural(all.length, "report")} still open</b>${oldest}${more(all.length, "started first")}`,
      ["Report", "Severity", "Started"],
      all
        .slice(0, LISTED_ROWS)
        .map((report) => [
          reportLink(view, report.issue),
          report.severity ?? "—",
          localTime(report.started),
        ]),
    ),
  ];
}

function missingLessonBlocks(view: ReportView): Block[] {
  const all = view.result.details.missingLessons;
  if (all.length === 0)
    return [
      `**Every SEV1 and SEV2 report** resolved more than ${REVIEW_BUSINESS_DAYS} business days ago has its Lessons written.`,
    ];
  return [
    foldedTable(
      `<b>${plural(all.length, "SEV1 or SEV2 report", "SEV1 and SEV2 reports")} without lessons</b> ${REVIEW_BUSINESS_DAYS} business days after they were resolved, the oldest resolved ${all[0]?.resolved.slice(0, 10)}${more(all.length, "oldest")}`,
      ["Report", "Severity", "Resolved"],
      all
        .slice(0, LISTED_ROWS)
        .map((report) => [
          reportLink(view, report.issue),
          report.severity,
          localTime(report.resolved),
        ]),
    ),
  ];
}

function dueCell(item: OpenActionItem): string {
  if (item.due === null) return "—";
  return item.overdue ? `${item.due} ⚠️ overdue` : item.due;
}
