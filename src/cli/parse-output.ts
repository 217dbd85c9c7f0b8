import { decideClose } from "../close-guard/decide-close.js";
import type { Config } from "../config/config.js";
import { deriveLabels } from "../labels/derive-labels.js";
import { readReportWithConfig } from "../templates/read-report-with-config.js";
import type { IssueFacts } from "../templates/read-template-fields.js";

/**
 * The JSON that `disruptions parse` prints for a body (read through the config's template when
 * it has one: `template` then says which preset and where each field was found).
 */
export function parseOutput(
  body: string,
  config: Config,
  issue?: IssueFacts,
): Record<string, unknown> {
  const { parsed, template } = readReportWithConfig(body, config, issue);
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
    ...(template
      ? { template: { name: template.mapping.name, sources: template.reading.sources } }
      : {}),
  };
}
