import type { Context } from "probot";

/**
 * Makes an issue a sub-issue of another in the same repository. GitHub's endpoint takes the
 * sub-issue's `id`, not its number (https://docs.github.com/rest/issues/sub-issues#add-sub-issue).
 * Returns "unavailable" on 404 or 410, which is how a GitHub without sub-issues (older GitHub
 * Enterprise Server) answers; any other error is thrown. Sent once (no retry plugin): a link whose
 * answer was lost is refused when sent again, and the redelivery finds it linked (README, "Writes,
 * redeliveries and faults").
 */
export async function addSubIssue(
  octokit: Context["octokit"],
  parent: { owner: string; repo: string; issue_number: number },
  subIssueId: number,
): Promise<"linked" | "unavailable"> {
  try {
    await octokit.rest.issues.addSubIssue({
      ...parent,
      sub_issue_id: subIssueId,
      request: { retries: 0 },
    });
    return "linked";
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 410) return "unavailable";
    throw error;
  }
}
