import type { Context } from "probot";
import type { LabelChange } from "../intake/plan-label-change.js";
import { statusOf } from "./create-once.js";
import type { IssueAddress } from "./issue-address.js";

/**
 * Adds and removes labels by name (`POST …/labels`, `DELETE …/labels/{name}`), never setting the
 * whole label set, so a label someone else adds at the same moment is kept. Both are safe to
 * repeat: adding a label the issue has changes nothing, and a label already removed is a 404.
 */
export async function changeIssueLabels(
  octokit: Context["octokit"],
  issue: IssueAddress,
  change: Pick<LabelChange, "add" | "remove">,
): Promise<void> {
  if (change.add.length > 0) await octokit.rest.issues.addLabels({ ...issue, labels: change.add });
  for (const name of change.remove) {
    try {
      await octokit.rest.issues.removeLabel({ ...issue, name });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
}
