import type { Context } from "probot";
import { MAX_PAGE_SIZE } from "../limits/github-limits.js";
import { createOnce } from "./create-once.js";
import type { IssueAddress } from "./issue-address.js";

/** One comment on an issue, as the write paths look at it. */
export interface MarkedComment {
  id: number;
  body: string;
  /** True when a bot wrote it (the app); a person's comment that quotes a marker is never removed. */
  byBot: boolean;
  login: string;
  createdAt: string;
}

/**
 * Every comment of an issue, oldest first. Read whatever the webhook's comment count says: that
 * count is a snapshot, and a redelivery's is stale.
 */
export async function listIssueComments(
  octokit: Context["octokit"],
  issue: IssueAddress,
): Promise<MarkedComment[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    ...issue,
    per_page: MAX_PAGE_SIZE,
  });
  return comments
    .sort((a, b) => a.id - b.id)
    .map((comment) => ({
      id: comment.id,
      body: comment.body ?? "",
      byBot: comment.user?.type === "Bot",
      login: comment.user?.login ?? "",
      createdAt: comment.created_at ?? "",
    }));
}

/** Every comment on an issue that carries the marker, oldest first. */
async function findMarkedComments(
  octokit: Context["octokit"],
  issue: IssueAddress,
  marker: string,
): Promise<MarkedComment[]> {
  return (await listIssueComments(octokit, issue)).filter((comment) =>
    comment.body.includes(marker),
  );
}

/** The app's (oldest) comment on an issue that carries the marker, or null. */
export async function findMarkedComment(
  octokit: Context["octokit"],
  issue: IssueAddress,
  marker: string,
): Promise<MarkedComment | null> {
  return (await findMarkedComments(octokit, issue, marker))[0] ?? null;
}

/**
 * Keeps one comment per issue and marker: edits it in place when its text changed, creates it
 * only when there is none, and writes nothing when the text is already right. With `onlyUpdate`,
 * no new comment is created (for "all is well" messages, which only make sense in place of an
 * earlier one). A create that fails is looked for before it is sent again, and a create the
 * throttling plugin repeated leaves one comment (see `createOnce`).
 */
export async function upsertMarkedComment(
  octokit: Context["octokit"],
  issue: IssueAddress,
  marker: string,
  body: string,
  options: {
    onlyUpdate?: boolean;
    /** Leave an existing comment as it is (a reply to a command: a redelivery changes nothing). */
    keepExisting?: boolean;
    /** The issue's comments, when the caller has just read them. */
    comments?: readonly MarkedComment[];
  } = {},
): Promise<"created" | "updated" | "unchanged" | "skipped"> {
  const existing = options.comments
    ? (options.comments.find((comment) => comment.body.includes(marker)) ?? null)
    : await findMarkedComment(octokit, issue, marker);
  if (existing) {
    if (existing.body === body || options.keepExisting) return "unchanged";
    await octokit.rest.issues.updateComment({
      owner: issue.owner,
      repo: issue.repo,
      comment_id: existing.id,
      body,
    });
    return "updated";
  }
  if (options.onlyUpdate) return "skipped";
  const created = await createMarkedComment(octokit, issue, marker, body);
  // Found again after a lost answer: it is the same text only if that create was this one's.
  if (created.body !== body) {
    await octokit.rest.issues.updateComment({
      owner: issue.owner,
      repo: issue.repo,
      comment_id: created.id,
      body,
    });
  }
  return "created";
}

/**
 * Creates a comment that carries `marker` (its body must contain it) at most once: see
 * `createOnce`. Returns the comment that stands.
 */
async function createMarkedComment(
  octokit: Context["octokit"],
  issue: IssueAddress,
  marker: string,
  body: string,
): Promise<MarkedComment> {
  return createOnce(octokit, {
    create: async (options) => {
      const { data } = await octokit.rest.issues.createComment({ ...issue, body, ...options });
      return {
        id: data.id,
        body: data.body ?? body,
        byBot: true,
        login: data.user?.login ?? "",
        createdAt: data.created_at,
      };
    },
    find: () => findMarkedComment(octokit, issue, marker),
    settle: (created) => keepOldest(octokit, issue, marker, created),
  });
}

/** Deletes the app's later twins of a marked comment; the oldest stays. */
async function keepOldest(
  octokit: Context["octokit"],
  issue: IssueAddress,
  marker: string,
  created: MarkedComment,
): Promise<MarkedComment> {
  const all = await findMarkedComments(octokit, issue, marker);
  const [oldest, ...twins] = all;
  if (!oldest) return created;
  for (const twin of twins) {
    if (!twin.byBot) continue;
    await octokit.rest.issues.deleteComment({
      owner: issue.owner,
      repo: issue.repo,
      comment_id: twin.id,
    });
  }
  return oldest;
}
