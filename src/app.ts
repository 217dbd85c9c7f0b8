import { Cron } from "croner";
import { DateTime } from "luxon";
import type { ApplicationFunction, Probot } from "probot";
import { type AppDeps, createDeps } from "./app-deps.js";
import { handleClose } from "./close-guard/handle-close.js";
import { handleComment } from "./commands/handle-comment.js";
import { handleReportCommand } from "./commands/handle-report-command.js";
import { runMonthlySchedule } from "./github/run-monthly-schedule.js";
import { handleIntake } from "./intake/handle-intake.js";

export interface AppOptions {
  /** The app's own sender login (`<slug>[bot]`). Default: asked of GitHub once (`GET /app`). */
  botLogin?: string;
  /** Run the hourly monthly-analytics check (needs App credentials). Default true. */
  schedule?: boolean;
  /** The clock, for the report command and the schedule. */
  clock?: () => DateTime;
}

/** Wires events and the hourly schedule to handlers; nothing else. */
export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const clock = options.clock ?? (() => DateTime.now());
    const deps: AppDeps = createDeps(botLoginResolver(app, options.botLogin));
    app.on(["issues.opened", "issues.labeled", "issues.edited"], (context) =>
      handleIntake(context, deps),
    );
    app.on("issues.closed", (context) => handleClose(context, deps));
    app.on("issue_comment.created", (context) =>
      handleComment(context, deps, (ctx, month) => handleReportCommand(ctx, month, clock)),
    );
    if (options.schedule ?? true) {
      // A minute of its own per instance, so that two instances rarely check at the same moment.
      const minute = Math.floor(Math.random() * 60);
      new Cron(
        `${minute} * * * *`,
        {
          unref: true,
          protect: true,
          catch: (error) => app.log.error({ err: error }, "monthly schedule failed"),
        },
        async () => {
          const run = await runMonthlySchedule(app, clock());
          app.log.debug({ ...run }, "monthly schedule checked");
        },
      );
    }
  };
}

/** Resolves the app's login once, lazily; null when the app runs with a plain token (no app identity). */
function botLoginResolver(app: Probot, given: string | undefined): () => Promise<string | null> {
  let login: Promise<string | null> | undefined;
  return () => {
    if (given !== undefined) return Promise.resolve(given);
    login ??= (async () => {
      try {
        const octokit = await app.auth();
        const { data } = await octokit.rest.apps.getAuthenticated();
        return data?.slug ? `${data.slug}[bot]` : null;
      } catch (error) {
        // A token that is not an app's cannot ask who the app is.
        if ([401, 403, 404].includes((error as { status?: number }).status ?? 0)) return null;
        login = undefined;
        throw error;
      }
    })();
    return login;
  };
}
