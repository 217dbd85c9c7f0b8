import type { Context } from "probot";
import { type AppDeps, isOwnEvent } from "../app-deps.js";
import { handleCloseOverride } from "../close-guard/handle-override.js";
import { parseSlashCommand } from "./parse-slash-command.js";

export type ReportCommandHandler = (
  context: Context<"issue_comment.created">,
  month: string | null,
) => Promise<void>;

/**
 * issue_comment.created: the slash commands. `/disruption close <reason>` on a report,
 * `/disruption report [YYYY-MM]` anywhere in the repository. Other comments cost no API call.
 */
export async function handleComment(
  context: Context<"issue_comment.created">,
  deps: AppDeps,
  onReport: ReportCommandHandler,
): Promise<void> {
  const command = parseSlashCommand(context.payload.comment.body);
  if (!command) return;
  if (await isOwnEvent(context.payload.sender, deps)) return;
  if (command.kind === "invalid") {
    await context.octokit.rest.issues.createComment(context.issue({ body: command.message }));
  } else if (command.kind === "report") {
    await onReport(context, command.month);
  } else {
    await handleCloseOverride(context, command.reason);
  }
}
