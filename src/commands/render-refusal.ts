import { codeSpan, inlineMarkdown } from "../markdown/neutralise.js";
import { usageList } from "./parse-command.js";

/** The hidden marker of the one refusal comment per issue, edited in place when refused again. */
export const REFUSAL_COMMENT_MARKER = "<!-- disruption-reports:command-refused -->";

/**
 * The comment that says why a command comment was not applied and how to write it. Each command
 * line is quoted back in a code span (nothing in it can notify anyone), each reason with its
 * mentions neutralised.
 */
export function renderRefusal(
  login: string,
  refusals: readonly { line: string; message: string }[],
  options: { showUsage: boolean } = { showUsage: true },
): string {
  const items = refusals.map(
    (refusal) => `- ${codeSpan(refusal.line, 600)}: ${inlineMarkdown(refusal.message, 600)}`,
  );
  return [
    REFUSAL_COMMENT_MARKER,
    `@${login} your command was not applied (a comment's commands apply together or not at all):`,
    "",
    ...items,
    ...(options.showUsage
      ? [
          "",
          "Commands go at the start of a new comment, one per line (an edited comment is not read again):",
          "",
          usageList(),
        ]
      : []),
  ].join("\n");
}
