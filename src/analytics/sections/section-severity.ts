import { SEVERITY_SCALE } from "../../report/severity-scale.js";
import { SEVERITIES, type Severity } from "../../report/types.js";
import { inlineText } from "../markdown-text.js";
import { type Block, chartBlock, tableBlock } from "./blocks.js";
import type { ReportView } from "./report-view.js";

/** Red for a complete outage down to grey for a false alarm, whichever levels occur. */
const SEVERITY_COLOURS: Record<Severity, string> = {
  SEV1: "#b60205",
  SEV2: "#e4572e",
  SEV3: "#f2a23a",
  SEV4: "#8c959f",
  SEV5: "#d0d7de",
};

/** Severity in its fixed order and colour, and type, each a pie with its table. */
export function severitySection(view: ReportView): Block[] {
  if (view.none) return ["## By severity and type", `No disruptions in ${view.name}.`];
  const { figures, details } = view.result;
  const severities = SEVERITIES.map((level) => [level, figures.bySeverity[level]] as const);
  const types = Object.entries(figures.byType);
  return [
    "## By severity and type",
    "### Severity",
    chartBlock({
      type: "pie",
      title: `Severity, ${view.name}`,
      points: severities,
      colours: SEVERITIES.map((level) => SEVERITY_COLOURS[level]),
    }),
    tableBlock(
      ["Severity", "Meaning", "Disruptions"],
      severities.map(([level, count]) => [level, SEVERITY_SCALE[level].meaning, String(count)]),
      [2],
    ),
    ...notCounted(details.withoutSeverity, "severity"),
    "### Type",
    ...(types.length === 0
      ? ["No disruption has a type that could be read."]
      : [
          chartBlock({ type: "pie", title: `Type, ${view.name}`, points: types }),
          tableBlock(
            ["Type", "Disruptions"],
            types.map(([type, count]) => [inlineText(type), String(count)]),
            [1],
          ),
          ...notCounted(details.withoutType, "type"),
        ]),
  ];
}

function notCounted(missing: number, field: string): string[] {
  if (missing === 0) return [];
  return [
    `${missing} ${missing === 1 ? "disruption has" : "disruptions have"} no ${field} that could be read and ${missing === 1 ? "is" : "are"} not in this table.`,
  ];
}
