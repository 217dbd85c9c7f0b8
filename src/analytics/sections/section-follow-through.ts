import { REVIEW_BUSINESS_DAYS } from "../follow-through.js";
import { localTime } from "../format-figures.js";
import { inlineMarkdown, inlineText } from "../markdown-text.js";
import type { OpenActionItem } from "../types.js";
import { type Block, foldedTable } from "./blocks.js";
import { plural, type ReportView, reportLink } from "./report-view.js";

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
  const overdue = items.filter((item) => item.overdue).length;
  const dues = items.flatMap((item) => (item.due ? [item.due] : [])).sort();
  const oldest = dues[0] ? `, oldest ${dues[0]}` : "";
  return `${plural(items.length, "open action item")}, ${overdue} overdue${oldest}`;
}

function actionItemBlocks(view: ReportView): Block[] {
  const items = view.result.details.openActionItems;
  if (items.length === 0) return ["**No open action items**: every one is done or dropped."];
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
      `<b>${actionItemSummary(items)}</b> (by report, then owner)`,
      ["Report", "Owner", "Action items", "Due"],
      rows,
    ),
  ];
}

function openReportBlocks(view: ReportView): Block[] {
  const reports = view.result.details.openReports;
  if (reports.length === 0) return ["**No report is still open.**"];
  const started = reports.flatMap((report) => (report.started ? [report.started] : [])).sort();
  const oldest = started[0] ? `, the oldest started ${started[0].slice(0, 10)}` : "";
  return [
    foldedTable(
      `<b>${plural(reports.length, "report")} still open</b>${oldest}`,
      ["Report", "Severity", "Started"],
      reports.map((report) => [
        reportLink(view, report.issue),
        report.severity ?? "—",
        localTime(report.started),
      ]),
    ),
  ];
}

function missingLessonBlocks(view: ReportView): Block[] {
  const missing = view.result.details.missingLessons;
  if (missing.length === 0)
    return [
      `**Every SEV1 and SEV2 report** resolved more than ${REVIEW_BUSINESS_DAYS} business days ago has its Lessons written.`,
    ];
  return [
    foldedTable(
      `<b>${plural(missing.length, "SEV1 or SEV2 report", "SEV1 and SEV2 reports")} without lessons</b> ${REVIEW_BUSINESS_DAYS} business days after they were resolved, the oldest resolved ${missing[0]?.resolved.slice(0, 10)}`,
      ["Report", "Severity", "Resolved"],
      missing.map((report) => [
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
