import type { ConfigIssue } from "./parse-config-text.js";

export const CONFIG_COMMENT_MARKER = "<!-- disruption-reports:config -->";

/** The comment that says why the app did nothing: which file, which key, what is wrong. */
export function renderConfigComment(source: string, issues: readonly ConfigIssue[]): string {
  const lines = issues.map(
    (issue) => `- ${issue.key ? `\`${issue.key}\`` : "the file"} ${issue.message}`,
  );
  return [
    CONFIG_COMMENT_MARKER,
    `**Disruption Reports did nothing with this issue: \`${source}\` is not valid.**`,
    "",
    ...lines,
    "",
    "Fix the file and edit this issue again. Until then the app uses none of the file (it does not fall back to defaults for keys the team wrote).",
  ].join("\n");
}
