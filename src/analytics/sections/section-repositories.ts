import { duration } from "../format-figures.js";
import { inlineText } from "../markdown-text.js";
import { type Block, tableBlock } from "./blocks.js";
import type { ReportView } from "./report-view.js";

/** Per repository, when the reports come from several. */
export function repositoriesSection(view: ReportView): Block[] {
  const rows = view.result.details.repositories;
  if (!view.multiRepo || rows.length === 0) return [];
  return [
    "## By repository",
    tableBlock(
      [
        "Repository",
        "Disruptions",
        "SEV1 and SEV2",
        "Median time to mitigate",
        "Median time to resolve",
      ],
      rows.map((row) => [
        row.repo ? `[${inlineText(row.repo)}](https://github.com/${row.repo})` : "—",
        String(row.disruptions),
        String(row.severe),
        duration(row.medianTtm),
        duration(row.medianTtr),
      ]),
      [1, 2, 3, 4],
    ),
  ];
}
