import type { LocalStore } from "../local-github/index.js";

/** What a person sees of a repository on GitHub, without ids or times: two equal snapshots read the same. */
export interface Snapshot {
  labels: string[];
  issues: {
    number: number;
    title: string;
    body: string;
    state: string;
    stateReason: string | null;
    labels: string[];
    assignees: string[];
    parent: number | null;
    comments: { user: string; body: string; reactions: string[] }[];
  }[];
}

/** The repository as it is now. */
export function snapshot(store: LocalStore, repo: string): Snapshot {
  return {
    labels: store
      .labels(repo)
      .map((label) => label.name)
      .sort(),
    issues: store.issues(repo).map((issue) => ({
      number: issue.number,
      title: issue.title,
      body: issue.body ?? "",
      state: issue.state,
      stateReason: issue.stateReason,
      labels: [...issue.labels].sort(),
      assignees: [...issue.assignees].sort(),
      parent: issue.parent,
      comments: store.comments(repo, issue.number).map((comment) => ({
        user: comment.user,
        body: comment.body,
        reactions: comment.reactions
          .map((reaction) => `${reaction.user}:${reaction.content}`)
          .sort(),
      })),
    })),
  };
}

export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What `actual` has twice that `expected` has once: an issue more (an analytics issue or a tracked
 * item posted again, even when closed as a duplicate afterwards), or a comment more on an issue.
 */
export function duplicates(actual: Snapshot, expected: Snapshot): string[] {
  const found: string[] = [];
  if (actual.issues.length > expected.issues.length)
    found.push(`${actual.issues.length - expected.issues.length} issue(s) more`);
  for (const issue of actual.issues) {
    const wanted = expected.issues.find((each) => each.number === issue.number);
    const extra = issue.comments.length - (wanted?.comments.length ?? 0);
    if (wanted && extra > 0) found.push(`#${issue.number}: ${extra} comment(s) more`);
  }
  return found;
}

/** A short account of how two snapshots differ, for the table's notes. */
export function difference(actual: Snapshot, expected: Snapshot): string {
  if (actual.labels.join() !== expected.labels.join()) return "repository labels differ";
  for (const wanted of expected.issues) {
    const issue = actual.issues.find((each) => each.number === wanted.number);
    if (!issue) return `#${wanted.number} missing`;
    for (const key of [
      "state",
      "stateReason",
      "labels",
      "body",
      "title",
      "assignees",
      "parent",
    ] as const) {
      if (JSON.stringify(issue[key]) !== JSON.stringify(wanted[key]))
        return `#${issue.number} ${key} differs`;
    }
    if (JSON.stringify(issue.comments) !== JSON.stringify(wanted.comments))
      return `#${issue.number} comments differ`;
  }
  return actual.issues.length === expected.issues.length ? "same" : "issues differ";
}
