import type { Config } from "../config/config.js";
import { parseReport } from "../report/parse-report.js";
import type { ParsedReport } from "../report/types.js";
import { parseWithTemplate, type TemplateParse } from "./parse-with-template.js";
import type { IssueFacts } from "./read-template-fields.js";
import { resolveTemplate } from "./template-config.js";

/** A report read as the repository's config says, with its template reading when it has one. */
export interface ConfiguredRead {
  parsed: ParsedReport;
  template: TemplateParse | null;
}

/**
 * Reads a report body as the repository's config says: through its `template` when it has one
 * (see `parseWithTemplate`), as the app's own shapes otherwise. `issue` gives the issue's title
 * and times, which a monitor's template (Upptime) reads its fields from.
 */
export function readReportWithConfig(
  body: string,
  config: Config,
  issue?: IssueFacts,
): ConfiguredRead {
  const options = { timeZone: config.timeZone, types: config.types };
  const mapping = resolveTemplate(config.template);
  if (!mapping) return { parsed: parseReport(body, options), template: null };
  const template = parseWithTemplate(body, mapping, { ...options, issue });
  return { parsed: template.parsed, template };
}
