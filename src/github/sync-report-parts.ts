import type { Octokit } from "@octokit/rest";
import {
  analyticsPartMarker,
  readAnalyticsPartMarker,
} from "../analytics/render-monthly-report.js";

/** What is left in a continuation comment the report no longer needs (kept, so it is found again). */
function retiredPart(period: string, part: number): string {
  return `${analyticsPartMarker(period, part)}\n_This part of the report is empty now: the report fits in fewer parts._\n`;
}

/**
 * Keeps the continuation comments of an analytics issue equal to `parts` (part 2, 3 …): each is
 * found by its marker and edited in place when its text changed, created when missing; a part the
 * report no longer needs is emptied, not deleted. Reads the comments only when the issue has any
 * (one request per 100 comments); writes only what changed. True when anything was written.
 */
export async function syncReportParts(
  octokit: Pick<Octokit, "paginate" | "rest">,
  options: {
    owner: string;
    repo: string;
    issueNumber: number;
    period: string;
    parts: readonly string[];
    hasComments: boolean;
  },
): Promise<boolean> {
  const { owner, repo, issueNumber, period, parts } = options;
  const existing = new Map<number, { id: number; body: string }>();
  if (options.hasComments) {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100,
    });
    for (const comment of comments) {
      const marker = readAnalyticsPartMarker(comment.body);
      if (marker?.period === period && !existing.has(marker.part))
        existing.set(marker.part, { id: comment.id, body: comment.body ?? "" });
    }
  }
  let wrote = false;
  const wanted = new Map(parts.map((body, index) => [index + 2, body]));
  for (const part of existing.keys())
    if (!wanted.has(part)) wanted.set(part, retiredPart(period, part));
  for (const [part, body] of [...wanted].sort((a, b) => a[0] - b[0])) {
    const comment = existing.get(part);
    if (comment?.body === body) continue;
    wrote = true;
    if (comment)
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: comment.id, body });
    else await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  }
  return wrote;
}
