import type { Config } from "../config/config.js";
import { readReportWithConfig } from "./read-report-with-config.js";
import type { IssueFacts } from "./read-template-fields.js";
import { renderExternalSummary } from "./render-external-summary.js";

/**
 * The external summary of a report body (`disruptions summary`, `/disruption summary`), read as
 * the repository's config says, keeping out the hosts of `summary.internalHosts`.
 */
export function summarizeReport(body: string, config: Config, issue?: IssueFacts): string {
  const { parsed, template } = readReportWithConfig(body, config, issue);
  return renderExternalSummary(parsed, {
    people: template?.reading.people ?? [],
    internalHosts: config.summary.internalHosts,
  });
}
