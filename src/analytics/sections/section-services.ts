import { duration, minutes } from "../format-figures.js";
import { inlineText } from "../markdown-text.js";
import { type Block, chartBlock, foldedTable, tableBlock } from "./blocks.js";
import { plural, type ReportView } from "./report-view.js";

/** Bars the service chart draws; the table beside it lists every service. */
const CHART_SERVICES = 20;

/** Rows a table shows before it is folded under its summary. */
export const SHORT_LIST = 10;

/** Disruptions per service: a bar chart of the top services and a table of all. */
export function servicesSection(view: ReportView): Block[] {
  const services = view.result.details.services;
  if (view.none || services.length === 0)
    return ["## By service", `No disruptions in ${view.name}.`];
  const shown = services.slice(0, CHART_SERVICES);
  const title =
    services.length > CHART_SERVICES
      ? `Disruptions by service, ${view.name} (top ${CHART_SERVICES})`
      : `Disruptions by service, ${view.name}`;
  const headers = [
    "Service",
    "Disruptions",
    "Minutes of disruption",
    "Median time to mitigate",
    "Median time to resolve",
  ];
  const rows = services.map((row) => [
    inlineText(row.service),
    String(row.disruptions),
    minutes(row.minutes),
    duration(row.medianTtm),
    duration(row.medianTtr),
  ]);
  return [
    "## By service",
    chartBlock({
      type: "bar",
      title,
      axis: "Disruptions",
      points: shown.map((row) => [row.service, row.disruptions]),
    }),
    rows.length > SHORT_LIST
      ? foldedTable(`${plural(rows.length, "service")}; the table`, headers, rows, [1, 2, 3, 4])
      : tableBlock(headers, rows, [1, 2, 3, 4]),
    "A report with two services counts once for each. Minutes of disruption add up the lengths of the reports that have a Resolved time.",
  ];
}
