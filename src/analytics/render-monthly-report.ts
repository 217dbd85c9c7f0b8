import { MAX_BODY_LENGTH } from "../limits/github-limits.js";
import { inlineText } from "./markdown-text.js";
import { parsePeriod, periodName } from "./period.js";
import { type Block, blockMarkdown } from "./sections/blocks.js";
import { type ReportView, reportView } from "./sections/report-view.js";
import { followThroughSection } from "./sections/section-follow-through.js";
import { headlineSection } from "./sections/section-headline.js";
import { disruptionsSection, problemsSection, repeatsSection } from "./sections/section-lists.js";
import { phasesSection } from "./sections/section-phases.js";
import { repositoriesSection } from "./sections/section-repositories.js";
import { servicesSection } from "./sections/section-services.js";
import { severitySection } from "./sections/section-severity.js";
import { whenSection } from "./sections/section-when.js";
import { splitReport } from "./sections/split-report.js";
import type { MonthlyResult } from "./types.js";

const MARKER = /<!--\s*disruption-reports:analytics\s+(?:month|period)=([0-9Qq-]+)\s*-->/;
const PART_MARKER =
  /<!--\s*disruption-reports:analytics-part\s+(?:month|period)=([0-9Qq-]+)\s+part=(\d+)\s*-->/;

/** The sections of the report, in order; each is a function of the view. */
const SECTIONS: ((view: ReportView) => Block[])[] = [
  headlineSection,
  repositoriesSection,
  servicesSection,
  severitySection,
  whenSection,
  phasesSection,
  followThroughSection,
  repeatsSection,
  disruptionsSection,
  problemsSection,
];

export interface RenderOptions {
  /** `owner/name` of the publishing repository (or `OWNER/REPO` for a file). */
  repo: string;
  /** The report label, named in the introduction. */
  reportLabel: string;
}

/** The title of a period's analytics issue: `Disruption report: October 2026`. */
export function monthlyReportTitle(period: string): string {
  const parsed = parsePeriod(period);
  return `Disruption report: ${parsed ? periodName(parsed) : period}`;
}

/**
 * The hidden marker that identifies a period's analytics issue, so that publishing the same
 * period again edits it instead of opening a second one (`month=` for a month, as issues published
 * before quarters existed carry it).
 *
 * @example analyticsMarker("2026-10") // "<!-- disruption-reports:analytics month=2026-10 -->"
 */
export function analyticsMarker(period: string): string {
  const key = /^\d{4}-\d{2}$/.test(period) ? "month" : "period";
  return `<!-- disruption-reports:analytics ${key}=${period} -->`;
}

/** The marker of continuation comment `part` (2, 3 …) of a period's issue. */
export function analyticsPartMarker(period: string, part: number): string {
  const key = /^\d{4}-\d{2}$/.test(period) ? "month" : "period";
  return `<!-- disruption-reports:analytics-part ${key}=${period} part=${part} -->`;
}

/** The period of the marker in a body, or null when the body has none. */
export function readAnalyticsMarker(body: string | null | undefined): string | null {
  const period = MARKER.exec(body ?? "")?.[1];
  return period ? (parsePeriod(period)?.key ?? null) : null;
}

/** The period and part number of a continuation comment's marker, or null. */
export function readAnalyticsPartMarker(
  body: string | null | undefined,
): { period: string; part: number } | null {
  const match = PART_MARKER.exec(body ?? "");
  const period = match?.[1] ? parsePeriod(match[1])?.key : undefined;
  return period && match ? { period, part: Number(match[2]) } : null;
}

/**
 * The whole report as one markdown document (what the CLI prints): headline figures with the
 * change from the previous period; by repository (when several report); by service; by severity
 * and type; when; the phases with the 12-month trend; follow-through; repeats; the period's
 * disruptions; data problems. Every Mermaid chart has a table with the same numbers; long lists
 * are folded under a one-line summary. Mentions in titles and action items are neutralised: the
 * report notifies nobody.
 */
export function renderMonthlyReport(result: MonthlyResult, options: RenderOptions): string {
  return `${reportBlocks(result, options).map(blockMarkdown).join("\n\n")}\n`;
}

/**
 * The report as GitHub takes it: the issue body and, when it would exceed
 * {@link MAX_BODY_LENGTH}, continuation comments, each opening with its marker. Nothing is cut.
 */
export function renderIssueParts(result: MonthlyResult, options: RenderOptions): string[] {
  const period = result.figures.month;
  const [marker, ...blocks] = reportBlocks(result, options);
  return splitReport(blocks, MAX_BODY_LENGTH, (index, count) =>
    index === 0
      ? String(marker)
      : `${analyticsPartMarker(period, index + 1)}\n_Part ${index + 1} of ${count} of this report, continued from above._`,
  );
}

/** The blocks of the report, marker first: the issue, the page and the parts are drawn from them. */
export function reportBlocks(result: MonthlyResult, options: RenderOptions): Block[] {
  const view = reportView(result, options.reportLabel);
  const intro = `Disruptions that started in ${view.name} (times in ${result.figures.timeZone}), from the issues labelled \`${inlineText(options.reportLabel)}\`${view.multiRepo ? ` in ${result.details.repositories.length} repositories` : ""}. Publishing this period again edits this issue.`;
  return [
    analyticsMarker(result.figures.month),
    intro,
    ...SECTIONS.flatMap((section) => section(view)),
  ];
}
