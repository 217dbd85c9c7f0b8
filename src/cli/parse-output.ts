import { decideClose } from "../close-guard/decide-close.js";
import type { Config } from "../config/config.js";
import { deriveLabels } from "../labels/derive-labels.js";
import { parseReport } from "../report/parse-report.js";

/** The JSON that `disruptions parse` prints for a body. */
export function parseOutput(body: string, config: Config): Record<string, unknown> {
  const parsed = parseReport(body, { timeZone: config.timeZone, types: config.types });
  const sections: Record<string, string | null> = {};
  for (const section of parsed.sections)
    sections[section.name] = section.empty ? null : section.content;
  return {
    report: parsed.report,
    durations: parsed.durations,
    actionItems: parsed.actionItems,
    closable: decideClose(parsed, { config, stateReason: "completed" }).allowed,
    labels: deriveLabels(parsed, config),
    sections,
    problems: parsed.problems,
  };
}
