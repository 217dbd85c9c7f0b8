import type { Context } from "probot";

/**
 * Makes an issue a sub-issue of another in the same repository. GitHub's endpoint takes the
 * sub-issue's `id`, not its number (https://docs.github.com/rest/issues/sub-issues#add-sub-issue).
 * Returns "unavailable" on 404 or 410, which is how a GitHub without sub-issues (older GitHub
 * Enterprise Server) answers; any other error is thrown.
 */
export async function addSubIssue(
  octokit: Context["octokit"],
  parent: { owner: string; repo: string; issue_number: number },
  subIssueId: number,
): Promise<"linked" | "unavailable"> {
  try {
    await octokit.rest.issues.addSubIssue({ ...parent, sub_issue_id: subIssueId });
    return "linked";
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 410) return "unavailable";
    throw error;
  }
}
