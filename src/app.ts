import { Cron } from "croner";
import { DateTime } from "luxon";
import type { ApplicationFunction, Probot } from "probot";
import { handleTrackCommand } from "./action-items/handle-track-command.js";
import { handleTrackedIssueState } from "./action-items/handle-tracked-issue-state.js";
import { type AppDeps, createDeps } from "./app-deps.js";
import { catchUpIntervalMinutes } from "./catch-up/catch-up-interval.js";
import { handleClose } from "./close-guard/handle-close.js";
import { handleComment } from "./commands/handle-comment.js";
import { handleReportCommand } from "./commands/handle-report-command.js";
import { catchUpDeliveries } from "./github/catch-up-deliveries.js";
import { runMonthlySchedule } from "./github/run-monthly-schedule.js";
import { handleIntake } from "./intake/handle-intake.js";
import { createSharedState } from "./state/create-shared-state.js";
import { handleOnce } from "./state/handle-once.js";
import type { SharedState } from "./state/shared-state.js";
import { handleCloseSync } from "./timeline/handle-close-sync.js";

/**
 * How long the schedule's and the catch-up's locks outlive a replica that dies holding them
 * (README, "Many replicas, one truth"): they are renewed every third of it while a run lasts, so
 * this bounds only the wait after a crash, not the length of a run.
 */
const LOCK_TTL_SECONDS = 30;

export interface AppOptions {
  /** The app's own sender login (`<slug>[bot]`). Default: asked of GitHub once (`GET /app`). */
  botLogin?: string;
  /** Run the hourly monthly-analytics check (needs App credentials). Default true. */
  schedule?: boolean;
  /**
   * Minutes between two catch-up runs of failed deliveries (needs App credentials), the first at
   * start-up; 0 for none. Default 15, or 0 when `schedule` is false.
   */
  catchUpIntervalMinutes?: number;
  /** The clock, for the report command and the schedule. */
  clock?: () => DateTime;
  /** What the replicas share. Default: Redis at `REDIS_URL`, else this process's memory. */
  state?: SharedState;
  /**
   * Runs scheduled work so that the server's graceful shutdown waits for it (`src/server/`).
   * Default: runs it untracked.
   */
  track?: <T>(label: string, work: () => Promise<T>) => Promise<T>;
}

/** Wires events and the hourly schedule to handlers; nothing else. */
export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const clock = options.clock ?? (() => DateTime.now());
    const deps: AppDeps = createDeps(botLoginResolver(app, options.botLogin));
    const state =
      options.state ??
      createSharedState(process.env, {
        onError: (error) => app.log.warn({ err: error }, "shared state unreachable"),
      });
    // Each delivery is handled once across replicas and restarts (README, "Several replicas").
    const once =
      <C extends { id: string }>(handle: (context: C) => Promise<void>) =>
      async (context: C) => {
        await handleOnce(state, context.id, () => handle(context));
      };
    app.on(
      ["issues.opened", "issues.labeled", "issues.edited"],
      once((context) => handleIntake(context, deps)),
    );
    app.on(
      "issues.closed",
      once(async (context) => {
        // Only a report's close the guard let stand is recorded in the timeline.
        const stands = await handleClose(context, deps);
        if (stands) await handleCloseSync(context, stands);
        await handleTrackedIssueState(context, deps);
      }),
    );
    app.on(
      "issues.reopened",
      once((context) => handleTrackedIssueState(context, deps)),
    );
    app.on(
      "issue_comment.created",
      once((context) =>
        handleComment(context, deps, {
          onReport: (ctx, month) => handleReportCommand(ctx, month, clock),
          onTrack: (ctx) => handleTrackCommand(ctx, deps),
        }),
      ),
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
          // One replica at a time; publishing is idempotent by its marker all the same. The lock is
          // renewed while the run lasts, so a short TTL only bounds how long a killed holder blocks.
          const track = options.track ?? ((_label, work) => work());
          const run = await track("monthly schedule", () =>
            state.withLock("monthly-schedule", LOCK_TTL_SECONDS, () =>
              runMonthlySchedule(app, clock()),
            ),
          );
          if (run.ran) app.log.debug({ ...run.value }, "monthly schedule checked");
        },
      );
    }
    // The setting from the environment unless given (the server entry passes nothing).
    const minutes =
      options.catchUpIntervalMinutes ??
      (options.schedule === false
        ? 0
        : catchUpIntervalMinutes(process.env.CATCH_UP_INTERVAL_MINUTES));
    const track = options.track ?? ((_label, work) => work());
    startCatchUp(app, state, minutes, track);
  };
}

/**
 * Runs the catch-up of failed deliveries now and then every `minutes`, on one replica at a time
 * (README, "Nothing missed").
 */
function startCatchUp(
  app: Probot,
  state: SharedState,
  minutes: number,
  track: NonNullable<AppOptions["track"]>,
): void {
  if (minutes <= 0) return;
  const run = async () => {
    try {
      const outcome = await track("catch-up", () =>
        state.withLock("catch-up", LOCK_TTL_SECONDS, () =>
          catchUpDeliveries(app, state, new Date()),
        ),
      );
      if (outcome.ran && outcome.value.redelivered.length > 0)
        app.log.info(
          { redelivered: outcome.value.redelivered.length, since: outcome.value.since },
          "failed deliveries redelivered",
        );
    } catch (error) {
      app.log.error({ err: error }, "catch-up of failed deliveries failed");
    }
    setTimeout(run, minutes * 60_000).unref();
  };
  void run();
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
