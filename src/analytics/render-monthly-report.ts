import { MAX_BODY_LENGTH } from "../github/limits.js";
import { SEVERITY_SCALE } from "../report/severity-scale.js";
import { SEVERITIES } from "../report/types.js";
import { REPEAT_WINDOW_DAYS } from "./find-repeats.js";
import { REVIEW_BUSINESS_DAYS } from "./follow-through.js";
import { duration, localTime, minutes, number } from "./format-figures.js";
import { issueSearchUrl, labelTerm } from "./issue-search-url.js";
import { inlineMarkdown, inlineText, link, table } from "./markdown-text.js";
import { barChart, lineChart, pieChart } from "./mermaid-charts.js";
import { isMonth, monthName, shortMonthName } from "./month.js";
import { renderHeadline } from "./render-headline.js";
import type { Summary } from "./stats.js";
import { type IssueRef, type MonthlyResult, WEEKDAYS } from "./types.js";

/** Rows a list shows before it is cut with a link to the issue search; smaller tries follow. */
const ROW_LIMITS = [50, 20, 5] as const;

/** Bars the service chart draws; the table beside it lists every service. */
const CHART_SERVICES = 20;

const MARKER = /<!--\s*disruption-reports:analytics\s+month=(\d{4}-\d{2})\s*-->/;

/** Disruptions one repeat row links to; the earlier ones are counted. */
const REPEAT_LINKS = 10;

const COLOURS = { ttd: "#0969da", ttr: "#cf222e" } as const;

export interface RenderOptions {
  /** `owner/name`, for the links to the issue search. */
  repo: string;
  /** The report label, for the links to the issue search. */
  reportLabel: string;
}

/** The title of a month's analytics issue: `Disruption report: October 2026`. */
export function monthlyReportTitle(month: string): string {
  return `Disruption report: ${monthName(month)}`;
}

/**
 * The hidden marker that identifies a month's analytics issue, so that publishing the same month
 * again edits it instead of opening a second one.
 *
 * @example analyticsMarker("2026-10") // "<!-- disruption-reports:analytics month=2026-10 -->"
 */
export function analyticsMarker(month: string): string {
  return `<!-- disruption-reports:analytics month=${month} -->`;
}

/** The month of the marker in a body, or null when the body has none. */
export function readAnalyticsMarker(body: string | null | undefined): string | null {
  const month = MARKER.exec(body ?? "")?.[1];
  return month && isMonth(month) ? month : null;
}

/**
 * The body of a month's analytics issue: headline figures with the change from the previous
 * month; by service; by severity and type; when; detection and recovery with the 12-month trend;
 * follow-through; repeats; the month's disruptions; data problems. Every Mermaid chart has a
 * table with the same numbers. Lists longer than 50 rows are cut with a link to the matching
 * issue search, shorter if need be, so the body stays under {@link MAX_BODY_LENGTH}. Mentions in
 * titles and action items are neutralised: the monthly issue notifies nobody.
 */
export function renderMonthlyReport(result: MonthlyResult, options: RenderOptions): string {
  let body = "";
  for (const limit of ROW_LIMITS) {
    body = render(result, options, limit);
    if (body.length <= MAX_BODY_LENGTH) return body;
  }
  const note = "\n\n_The report was cut here: it is longer than GitHub allows._\n";
  return body.slice(0, MAX_BODY_LENGTH - note.length) + note;
}

function render(result: MonthlyResult, options: RenderOptions, limit: number): string {
  const { figures, details } = result;
  const name = monthName(figures.month);
  const search = (...terms: string[]) =>
    issueSearchUrl(options.repo, ["is:issue", labelTerm(options.reportLabel), ...terms]);
  const cut = <T>(rows: readonly T[], url: string, what: string): { rows: T[]; more: string } => ({
    rows: rows.slice(0, limit),
    more:
      rows.length > limit
        ? `\n\n…and ${rows.length - limit} more ${what}: [see the issue search](${url}).`
        : "",
  });
  const none = figures.disruptions === 0;
  const sections: string[] = [
    analyticsMarker(figures.month),
    `Disruptions that started in ${name} (times in ${figures.timeZone}), from the issues labelled \`${inlineText(options.reportLabel)}\`. Publishing this month again edits this issue.`,
  ];

  sections.push("## Headline figures", renderHeadline(details.current, details.previous));
  sections.push(
    `Follow-through over all reports on ${details.asOf}: **${figures.followThrough.openActionItems}** open action items (**${figures.followThrough.overdueActionItems}** overdue), **${figures.followThrough.openReports}** reports still open.`,
  );

  sections.push("## By service");
  if (none || details.services.length === 0) {
    sections.push(`No disruptions in ${name}.`);
  } else {
    const shown = details.services.slice(0, CHART_SERVICES);
    sections.push(
      barChart(
        details.services.length > CHART_SERVICES
          ? `Disruptions by service, ${name} (top ${CHART_SERVICES})`
          : `Disruptions by service, ${name}`,
        "Disruptions",
        shown.map((row) => [row.service, row.disruptions]),
      ),
    );
    const services = cut(details.services, search(), "services");
    sections.push(
      table(
        ["Service", "Disruptions", "Minutes of disruption", "Median time to resolve"],
        services.rows.map((row) => [
          inlineText(row.service),
          String(row.disruptions),
          minutes(row.minutes),
          duration(row.medianTtr),
        ]),
        [1, 2, 3],
      ) + services.more,
    );
    sections.push(
      "A report with two services counts once for each. Minutes of disruption add up the lengths of the reports that have a Resolved time.",
    );
  }

  sections.push("## By severity and type");
  if (none) {
    sections.push(`No disruptions in ${name}.`);
  } else {
    const severities = SEVERITIES.map((level) => [level, figures.bySeverity[level]] as const);
    sections.push(
      "### Severity",
      pieChart(`Severity, ${name}`, severities),
      table(
        ["Severity", "Meaning", "Disruptions"],
        severities.map(([level, count]) => [level, SEVERITY_SCALE[level].meaning, String(count)]),
        [2],
      ) + notCounted(details.withoutSeverity, "severity"),
    );
    const types = Object.entries(figures.byType);
    sections.push("### Type");
    if (types.length === 0) sections.push("No disruption has a type that could be read.");
    else
      sections.push(
        pieChart(`Type, ${name}`, types),
        table(
          ["Type", "Disruptions"],
          types.map(([type, count]) => [inlineText(type), String(count)]),
          [1],
        ) + notCounted(details.withoutType, "type"),
      );
  }

  sections.push("## When");
  if (none) {
    sections.push(`No disruptions in ${name}.`);
  } else {
    const blocks = ["00–04", "04–08", "08–12", "12–16", "16–20", "20–24"];
    sections.push(
      `When the disruptions started, local time (${figures.timeZone}).`,
      table(
        ["Day", ...blocks, "Total"],
        WEEKDAYS.map((day, index) => {
          const row = details.when.grid[index] ?? [];
          return [day, ...row.map(String), String(figures.byWeekday[day])];
        }),
        [1, 2, 3, 4, 5, 6, 7],
      ),
      `On a weekend: **${details.when.weekend}** of ${figures.disruptions}. Out of hours (18:00–08:00, any day): **${details.when.outOfHours}** of ${figures.disruptions}.`,
    );
  }

  sections.push("## Detection and recovery");
  const { ttd, ttr, length } = figures.minutes;
  sections.push(
    table(
      ["", "Median", "p90", "Mean"],
      [
        ["Time to detect", ...summaryCells(ttd)],
        ["Time to resolve", ...summaryCells(ttr)],
        ["Length", ...summaryCells(length)],
      ],
      [1, 2, 3],
    ),
    "Time to detect runs from Started to Detected, time to resolve from Detected to Resolved; p90 is the nearest rank (the ⌈0.9·n⌉-th smallest value).",
  );
  const first = figures.trend[0]?.month ?? figures.month;
  const hasTrend = figures.trend.some(
    (entry) => entry.medianTtd !== null || entry.medianTtr !== null,
  );
  sections.push(`### Monthly medians, ${monthName(first)} to ${name}`);
  if (hasTrend) {
    sections.push(
      lineChart(
        "Median minutes to detect (blue) and to resolve (red)",
        "Minutes",
        figures.trend.map((entry) => shortMonthName(entry.month)),
        [
          { values: figures.trend.map((entry) => entry.medianTtd), colour: COLOURS.ttd },
          { values: figures.trend.map((entry) => entry.medianTtr), colour: COLOURS.ttr },
        ],
      ),
    );
  } else {
    sections.push("No detection or recovery times in these twelve months.");
  }
  sections.push(
    table(
      ["Month", "Disruptions", "Median time to detect (min)", "Median time to resolve (min)"],
      figures.trend.map((entry) => [
        shortMonthName(entry.month),
        String(entry.disruptions),
        number(entry.medianTtd),
        number(entry.medianTtr),
      ]),
      [1, 2, 3],
    ) + (hasTrend ? "\n\nA month without a value (—) is drawn at 0." : ""),
  );

  sections.push(
    "## Follow-through",
    `Over all reports, whatever month they belong to, on ${details.asOf}.`,
  );
  sections.push(`### Open action items (${details.openActionItems.length})`);
  if (details.openActionItems.length === 0) {
    sections.push("None: every action item is done or dropped.");
  } else {
    const items = cut(details.openActionItems, search("is:open"), "open action items");
    sections.push(
      table(
        ["Report", "Action item", "Owners", "Due"],
        items.rows.map((item) => [
          reportLink(item.issue),
          inlineMarkdown(item.text),
          item.owners.map((owner) => inlineText(owner)).join(", ") || "—",
          item.due === null ? "—" : item.overdue ? `**${item.due} (overdue)**` : item.due,
        ]),
      ) + items.more,
    );
  }
  sections.push(`### Reports still open (${details.openReports.length})`);
  if (details.openReports.length === 0) {
    sections.push("None.");
  } else {
    const open = cut(details.openReports, search("is:open"), "open reports");
    sections.push(
      table(
        ["Report", "Severity", "Started"],
        open.rows.map((report) => [
          reportLink(report.issue),
          report.severity ?? "—",
          localTime(report.started),
        ]),
      ) + open.more,
    );
  }
  sections.push(`### SEV1 and SEV2 reports without lessons (${details.missingLessons.length})`);
  if (details.missingLessons.length === 0) {
    sections.push(
      `None: every SEV1 and SEV2 report resolved more than ${REVIEW_BUSINESS_DAYS} business days ago has its Lessons written.`,
    );
  } else {
    const missing = cut(details.missingLessons, search(), "reports");
    sections.push(
      `Resolved more than ${REVIEW_BUSINESS_DAYS} business days ago, and the Lessons section is still empty.`,
      table(
        ["Report", "Severity", "Resolved"],
        missing.rows.map((report) => [
          reportLink(report.issue),
          report.severity,
          localTime(report.resolved),
        ]),
      ) + missing.more,
    );
  }

  sections.push("## Repeats");
  if (details.repeats.length === 0) {
    sections.push(
      `None: no service had the same type of disruption twice within ${REPEAT_WINDOW_DAYS} days.`,
    );
  } else {
    const repeats = cut(details.repeats, search(), "repeats");
    sections.push(
      `The same service and type twice or more within ${REPEAT_WINDOW_DAYS} days, counting back from each disruption of ${name}.`,
      table(
        ["Service", "Type", "Disruptions"],
        repeats.rows.map((repeat) => [
          inlineText(repeat.service),
          inlineText(repeat.type),
          repeatLinks(repeat.disruptions),
        ]),
      ) + repeats.more,
    );
  }

  sections.push(`## Disruptions in ${name} (${details.disruptions.length})`);
  if (details.disruptions.length === 0) {
    sections.push(`No disruptions in ${name}.`);
  } else {
    const rows = cut(details.disruptions, search(), "disruptions");
    sections.push(
      table(
        ["Report", "Severity", "Type", "Services", "Started", "Length"],
        rows.rows.map((row) => [
          reportLink(row.issue),
          row.severity ?? "—",
          row.type ? inlineText(row.type) : "—",
          inlineText(row.services.join(", ")) || "—",
          localTime(row.started),
          duration(row.lengthMinutes),
        ]),
        [5],
      ) + rows.more,
    );
  }

  sections.push(`## Data problems (${details.problems.length})`);
  if (details.problems.length === 0) {
    sections.push("None: every report's Started time could be read.");
  } else {
    const problems = cut(details.problems, search(), "reports");
    sections.push(
      "These reports are not counted in any month because their Started time cannot be read. Fix the time in the report and publish the month again.",
      table(
        ["Report", "Problem"],
        problems.rows.map((problem) => [
          reportLink(problem.issue),
          inlineMarkdown(problem.message, 400),
        ]),
      ) + problems.more,
    );
  }
  return `${sections.join("\n\n")}\n`;
}

function summaryCells(summary: Summary | null): [string, string, string] {
  if (!summary) return ["—", "—", "—"];
  return [duration(summary.median), duration(summary.p90), duration(summary.mean)];
}

function reportLink(issue: IssueRef): string {
  return link(`#${issue.number} ${issue.title}`, issue.url);
}

/** Links to a repeat's disruptions, the newest ones when there are more than fit a cell. */
function repeatLinks(disruptions: readonly { issue: IssueRef; started: string }[]): string {
  const shown = disruptions.slice(-REPEAT_LINKS);
  const links = shown.map(
    (entry) => `[#${entry.issue.number}](${entry.issue.url}) (${entry.started.slice(0, 10)})`,
  );
  const hidden = disruptions.length - shown.length;
  return hidden > 0 ? `${hidden} earlier, then ${links.join(", ")}` : links.join(", ");
}

function notCounted(missing: number, field: string): string {
  if (missing === 0) return "";
  return `\n\n${missing} ${missing === 1 ? "disruption has" : "disruptions have"} no ${field} that could be read and ${missing === 1 ? "is" : "are"} not in this table.`;
}
