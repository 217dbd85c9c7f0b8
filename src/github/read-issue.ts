import type { Context } from "probot";
import type { IssueAddress } from "./issue-address.js";

/** An issue as it is on GitHub now, as the write paths plan on it (never the webhook's snapshot). */
export interface CurrentIssue {
  body: string;
  labels: string[];
  state: "open" | "closed";
  stateReason: string | null;
  closedAt: string | null;
}

/**
 * Reads the issue right before a write, so that the write is planned on what people wrote since
 * the event (an edit, a label another tool added) and loses none of it.
 */
export async function readIssue(
  octokit: Context["octokit"],
  issue: IssueAddress,
): Promise<CurrentIssue> {
  const { data } = await octokit.rest.issues.get({ ...issue });
  return {
    body: data.body ?? "",
    labels: data.labels.flatMap((label) =>
      typeof label === "string" ? [label] : label.name ? [label.name] : [],
    ),
    state: data.state === "closed" ? "closed" : "open",
    stateReason: data.state_reason ?? null,
    closedAt: data.closed_at ?? null,
  };
}
