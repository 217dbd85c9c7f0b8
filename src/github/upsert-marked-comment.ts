import type { Context } from "probot";

export interface IssueRef {
  owner: string;
  repo: string;
  issue_number: number;
}

/** The app's comment on an issue that carries the marker, or null. */
export async function findMarkedComment(
  octokit: Context["octokit"],
  issue: IssueRef,
  marker: string,
): Promise<{ id: number; body: string } | null> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...issue,
    per_page: 100,
  });
  const found = comments.find((comment) => comment.body?.includes(marker));
  return found ? { id: found.id, body: found.body ?? "" } : null;
}

/**
 * Keeps one comment per issue and marker: edits it in place when its text changed, creates it
 * only when there is none, and writes nothing when the text is already right. `hasComments`
 * false (a new issue) skips the look-up. With `onlyUpdate`, no new comment is created (for "all is
 * well" messages, which only make sense in place of an earlier one).
 */
export async function upsertMarkedComment(
  octokit: Context["octokit"],
  issue: IssueRef,
  marker: string,
  body: string,
  options: { hasComments: boolean; onlyUpdate?: boolean },
): Promise<"created" | "updated" | "unchanged" | "skipped"> {
  const existing = options.hasComments ? await findMarkedComment(octokit, issue, marker) : null;
  if (existing) {
    if (existing.body === body) return "unchanged";
    await octokit.rest.issues.updateComment({
      owner: issue.owner,
      repo: issue.repo,
      comment_id: existing.id,
      body,
    });
    return "updated";
  }
  if (options.onlyUpdate) return "skipped";
  await octokit.rest.issues.createComment({ ...issue, body });
  return "created";
}
