import type { MarkedComment } from "../github/upsert-marked-comment.js";

/**
 * How long before a close a `/disruption close` comment still goes with it: GitHub's "Close with
 * comment" creates the comment a moment before the close.
 */
const WITH_CLOSE_MS = 60_000;

/** A comment whose first line, plain text (not indented code), is `/disruption close <reason>`. */
const CLOSE_COMMAND = /^ {0,3}\/disruptions?[ \t]+close[ \t]+\S/i;

/**
 * The `/disruption close <reason>` comments that go with a close (written with it, or after it),
 * newest first: the close guard leaves such a close to the command, whichever of the two events
 * GitHub delivers first.
 */
export function overrideCandidates(
  comments: readonly MarkedComment[],
  closedAt: string,
): MarkedComment[] {
  const since = Date.parse(closedAt) - WITH_CLOSE_MS;
  return comments
    .filter(
      (comment) =>
        !comment.byBot &&
        Date.parse(comment.createdAt) >= since &&
        CLOSE_COMMAND.test(comment.body),
    )
    .reverse();
}
