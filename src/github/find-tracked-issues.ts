import type { Context } from "probot";
import { readTrackedMarker } from "../action-items/tracked-marker.js";

/** An issue the app created for an action item, found again by its marker. */
export interface TrackedIssue {
  id: number;
  number: number;
  /** True when GitHub already lists it as a sub-issue of the report. */
  linked: boolean;
}

/**
 * The issues already created for a report's items, by item key: the 100 most recently created
 * issues with the action label, read in one request, whose body carries the report's marker. This
 * is how a run whose answer was lost (the issue was created, the reference not yet written) is
 * completed rather than repeated.
 */
export async function findTrackedIssues(
  octokit: Context["octokit"],
  options: { owner: string; repo: string; label: string; report: number },
): Promise<Map<string, TrackedIssue>> {
  const { data } = await octokit.rest.issues.listForRepo({
    owner: options.owner,
    repo: options.repo,
    labels: options.label,
    state: "all",
    sort: "created",
    direction: "desc",
    per_page: 100,
  });
  const found = new Map<string, TrackedIssue>();
  for (const issue of data) {
    const marker = readTrackedMarker(issue.body);
    if (!marker || marker.report !== options.report || found.has(marker.key)) continue;
    const parent = (issue as { parent_issue_url?: string | null }).parent_issue_url ?? "";
    found.set(marker.key, {
      id: issue.id,
      number: issue.number,
      linked: parent.endsWith(`/issues/${options.report}`),
    });
  }
  return found;
}
