import type { Context } from "probot";
import { type AppDeps, isOwnEvent } from "../app-deps.js";
import { handleCloseOverride } from "../close-guard/handle-override.js";
import { readConfig } from "../github/read-config.js";
import { isReport } from "../intake/handle-intake.js";
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
    const { owner, repo } = context.repo();
    const loaded = await readConfig(context.octokit, owner, repo);
    if (!loaded.ok) return;
    const labels = (context.payload.issue.labels ?? []).map((label) => label.name);
    if (!isReport(labels, loaded.config)) {
      await context.octokit.rest.issues.createComment(
        context.issue({
          body: `\`/disruption close\` works on disruption reports (issues labelled \`${loaded.config.labels.report}\`) only.`,
        }),
      );
    } else {
      await handleCloseOverride(context, command.reason);
    }
  }
}
