import type { Context } from "probot";
import type { AppDeps } from "../app-deps.js";
import type { Config } from "../config/config.js";
import { resolveTemplate } from "../templates/template-config.js";
import { writeIntake } from "./write-intake.js";

/**
 * True when the repository's template reads the report's times from the issue itself, so the
 * issue's close is its Resolved time (the `upptime` preset: the monitor closes the issue when the
 * site is back).
 */
function closeIsResolved(config: Config): boolean {
  return resolveTemplate(config.template)?.issue !== undefined;
}

/**
 * issues.closed, after the close guard let a report's close stand (it hands over the config it
 * read): when the template reads Resolved from the close, the Overview's Resolved row and the
 * derived rows (Length, Time to resolve) are written as intake writes them, reading the issue
 * first. Any other report holds its own times, and its close writes nothing here.
 */
export async function handleMonitorClose(
  context: Context<"issues.closed">,
  deps: AppDeps,
  config: Config,
): Promise<void> {
  if (!closeIsResolved(config)) return;
  const { issue } = context.payload;
  await writeIntake(context, deps, {
    mode: "edit",
    body: issue.body ?? "",
    previousBody: null,
    config,
    issue: { title: issue.title, createdAt: issue.created_at, closedAt: issue.closed_at ?? null },
  });
}
