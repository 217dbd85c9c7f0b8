import { renderHeadline } from "../render-headline.js";
import type { Block } from "./blocks.js";
import type { ReportView } from "./report-view.js";

/** The headline figures with the change from the previous period, customer impact, follow-through. */
export function headlineSection(view: ReportView): Block[] {
  const { figures, details } = view.result;
  const impact = figures.customerImpact;
  const follow = figures.followThrough;
  const blocks: Block[] = [
    "## Headline figures",
    renderHeadline(details.current, details.previous),
  ];
  if (!view.none) {
    const percent = Math.round((impact.share ?? 0) * 100);
    blocks.push(
      `Customer impact: **${impact.yes}** of ${figures.disruptions} disruptions (${percent} %) affected customers; ${impact.no} did not, ${impact.unknown} unknown, ${impact.notStated} not stated.`,
    );
  }
  blocks.push(
    `Follow-through over all reports on ${details.asOf}: **${follow.openActionItems}** open action items (**${follow.overdueActionItems}** overdue), **${follow.openReports}** reports still open.`,
  );
  return blocks;
}
