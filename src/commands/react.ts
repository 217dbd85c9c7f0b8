import type { Context } from "probot";

/** The reactions the app answers a command with: taken, done, refused. */
export type CommandReaction = "eyes" | "+1" | "confused";

/** Reacts to the command comment (a success is never a comment: README, "During a disruption"). */
export async function reactToComment(
  context: Context<"issue_comment.created">,
  content: CommandReaction,
): Promise<void> {
  await context.octokit.rest.reactions.createForIssueComment(
    context.repo({ comment_id: context.payload.comment.id, content }),
  );
}
