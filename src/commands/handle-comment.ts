import type { Context } from "probot";
import { type AppDeps, isOwnEvent } from "../app-deps.js";
import { handleCloseOverride } from "../close-guard/handle-override.js";
import { readIssueHistory } from "../github/read-issue-history.js";
import { handleSummaryCommand } from "../summary/handle-summary-command.js";
import { historyRows } from "../timeline/history-rows.js";
import { commandLines } from "./command-lines.js";
import { type HistoryReader, handleBodyCommands } from "./handle-body-commands.js";
import { type Command, parseCommand } from "./parse-command.js";

type CommentContext = Context<"issue_comment.created">;

/** The rows of the issue's history: one GraphQL query (see `readIssueHistory`). */
const readHistoryRows: HistoryReader = async (context, config) =>
  historyRows(await readIssueHistory(context.octokit, context.issue()), config);

type ReportCommandHandler = (context: CommentContext, month: string | null) => Promise<void>;

/** What the comment handler needs from the composition root. */
export interface CommandDeps {
  onReport: ReportCommandHandler;
  /** `/disruption track`: the report's open items become sub-issues (src/action-items/). */
  onTrack?: (context: CommentContext) => Promise<void>;
  /** Reads the issue's history for `/disruption timeline sync` (default: one GraphQL query). */
  readHistory?: HistoryReader;
}

type StandaloneHandler = (
  context: CommentContext,
  command: Command,
  deps: CommandDeps,
) => Promise<void>;

/**
 * The commands that do not change the report body, each run by a handler of its own, alone in
 * its comment. Adding one is one entry here (and its reader in `VERBS`).
 */
const STANDALONE: Partial<Record<Command["verb"], StandaloneHandler>> = {
  close: (context, command) =>
    command.verb === "close" ? handleCloseOverride(context, command.reason) : Promise.resolve(),
  report: (context, command, deps) =>
    command.verb === "report" ? deps.onReport(context, command.month) : Promise.resolve(),
  track: (context, _command, deps) => deps.onTrack?.(context) ?? Promise.resolve(),
  summary: (context) => handleSummaryCommand(context),
};

/**
 * issue_comment.created: the `/disruption` commands at the start of a comment (see
 * `commandLines`). Any other comment costs no API call; the app's own comments cause nothing (a
 * redelivered delivery is stopped before it reaches here, and a command comment applied before
 * is recognised by its marker in the body).
 */
export async function handleComment(
  context: CommentContext,
  deps: AppDeps,
  commandDeps: CommandDeps,
): Promise<void> {
  const lines = commandLines(context.payload.comment.body);
  if (lines.length === 0) return;
  if (await isOwnEvent(context.payload.sender, deps)) return;
  const parsed = lines.map(parseCommand);
  const first = parsed[0];
  const standalone = first?.ok ? STANDALONE[first.command.verb] : undefined;
  if (first?.ok && standalone && parsed.length === 1) {
    await standalone(context, first.command, commandDeps);
    return;
  }
  const alone = parsed.map((p) =>
    p.ok && STANDALONE[p.command.verb]
      ? { ok: false as const, line: p.line, message: "write this command in a comment of its own" }
      : p,
  );
  await handleBodyCommands(context, deps, alone, commandDeps.readHistory ?? readHistoryRows);
}
