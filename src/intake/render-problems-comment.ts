import type { Problem } from "../report/types.js";

export const PROBLEMS_COMMENT_MARKER = "<!-- disruption-reports:problems -->";

/**
 * The one comment per report that lists what the app could not read and how to fix each, or,
 * once all is fixed, says so (in place of the earlier list).
 */
export function renderProblemsComment(problems: readonly Problem[]): string {
  if (problems.length === 0) {
    return [
      PROBLEMS_COMMENT_MARKER,
      "**All is well:** every field of this report reads correctly now. Thank you for fixing it.",
    ].join("\n");
  }
  return [
    PROBLEMS_COMMENT_MARKER,
    `**Disruption Reports could not read ${problems.length === 1 ? "one thing" : `${problems.length} things`} in this report.** Edit the issue to fix ${problems.length === 1 ? "it" : "them"}; this comment updates itself.`,
    "",
    // Each message names its field and says what to write.
    ...problems.map((problem) => `- ${problem.message}`),
  ].join("\n");
}
