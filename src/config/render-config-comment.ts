import { codeSpan, inlineMarkdown } from "../markdown/neutralise.js";
import type { ConfigIssue } from "./parse-config-text.js";

export const CONFIG_COMMENT_MARKER = "<!-- disruption-reports:config -->";

/**
 * The comment that says why the app did not fill or check the report: which file, which key, what
 * is wrong, and that the close guard still runs on the defaults.
 */
export function renderConfigComment(source: string, issues: readonly ConfigIssue[]): string {
  const lines = issues.map(
    // Keys and YAML errors echo what people wrote in the file: quoted so they notify nobody.
    (issue) =>
      `- ${issue.key ? codeSpan(issue.key) : "the file"} ${inlineMarkdown(issue.message, 500)}`,
  );
  return [
    CONFIG_COMMENT_MARKER,
    `**Disruption Reports did not fill or check this report: ${codeSpan(source)} is not valid.**`,
    "",
    ...lines,
    "",
    "Fix the file and edit this issue again. Until then the app uses none of the file (it does not fall back to defaults for keys the team wrote), except that the close guard still runs with the default settings: a report cannot stay closed while an action item is open.",
  ].join("\n");
}
