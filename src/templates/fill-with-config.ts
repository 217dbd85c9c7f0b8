import type { Config } from "../config/config.js";
import { fillReport } from "../report/fill-report.js";
import { fillTemplate } from "./fill-template.js";
import { readReportWithConfig } from "./read-report-with-config.js";
import type { IssueFacts } from "./read-template-fields.js";

/**
 * The filled body as the repository's config says: a template's document gets only what it
 * lacks (see `fillTemplate`), any other body the app's own fill (see `fillReport`).
 */
export function fillWithConfig(body: string, config: Config, issue?: IssueFacts): string {
  const { template } = readReportWithConfig(body, config, issue);
  if (template) return fillTemplate(template);
  return fillReport(body, { timeZone: config.timeZone, types: config.types, ...config.fill });
}
