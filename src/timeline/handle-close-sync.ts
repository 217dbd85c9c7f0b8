import type { Context } from "probot";
import type { Config } from "../config/config.js";
import { syncClosedTimeline } from "../github/sync-closed-timeline.js";

/**
 * issues.closed, after the close guard let a report's close stand (it hands over the config it
 * read): the timeline gets the issue's history once (`syncClosedTimeline`). A close the guard
 * undid is no close to record; the app's own close (`/disruption close`) is synced by that command.
 */
export async function handleCloseSync(
  context: Context<"issues.closed">,
  config: Config,
): Promise<void> {
  const { issue } = context.payload;
  const outcome = await syncClosedTimeline(
    context.octokit,
    context.issue(),
    config,
    issue.closed_at ?? null,
  );
  context.log.debug({ issue: issue.number, outcome }, "timeline synced at close");
}
