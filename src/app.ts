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
import { handleMonitorClose } from "./intake/handle-monitor-close.js";
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

/** Wraps a handler so that each delivery is handled once across replicas and restarts. */
type Once = <C extends { id: string }>(
  handle: (context: C) => Promise<void>,
) => (context: C) => Promise<void>;

type Track = NonNullable<AppOptions["track"]>;

/** Wires events and the hourly schedule to handlers; nothing else. */
export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const clock = options.clock ?? (() => DateTime.now());
    const deps: AppDeps = createDeps(botLoginResolver(app, options.botLogin));
    const state = options.state ?? stateFromEnvironment(app);
    const track: Track = options.track ?? ((_label, work) => work());
    const once = onceAcrossReplicas(state);
    wireIntake(app, once, deps);
    wireCloseGuard(app, once, deps);
    wireTracking(app, once, deps);
    wireCommands(app, once, deps, clock);
    if (options.schedule ?? true) startMonthlySchedule(app, state, clock, track);
    startCatchUp(app, state, catchUpMinutes(options), track);
  };
}

/** Redis at `REDIS_URL`, else this process's memory; an unreachable Redis is logged. */
function stateFromEnvironment(app: Probot): SharedState {
  return createSharedState(process.env, {
    onError: (error) => app.log.warn({ err: error }, "shared state unreachable"),
  });
}

/** Each delivery is handled once across replicas and restarts (README, "Several replicas"). */
function onceAcrossReplicas(state: SharedState): Once {
  return (handle) => async (context) => {
    await handleOnce(state, context.id, () => handle(context));
  };
}

function wireIntake(app: Probot, once: Once, deps: AppDeps): void {
  app.on(
    ["issues.opened", "issues.labeled", "issues.edited"],
    once((context) => handleIntake(context, deps)),
  );
}

/**
 * A close goes through the guard, and only a report's close the guard let stand is recorded in the
 * timeline; an action item's issue closing is followed in its report. One delivery, one claim.
 */
function wireCloseGuard(app: Probot, once: Once, deps: AppDeps): void {
  app.on(
    "issues.closed",
    once(async (context) => {
      const stands = await handleClose(context, deps);
      if (stands) {
        await handleCloseSync(context, stands);
        await handleMonitorClose(context, deps, stands);
      }
      await handleTrackedIssueState(context, deps);
    }),
  );
}

/** An action item's issue reopened is followed in its report (its close is wired above). */
function wireTracking(app: Probot, once: Once, deps: AppDeps): void {
  app.on(
    "issues.reopened",
    once((context) => handleTrackedIssueState(context, deps)),
  );
}

function wireCommands(app: Probot, once: Once, deps: AppDeps, clock: () => DateTime): void {
  app.on(
    "issue_comment.created",
    once((context) =>
      handleComment(context, deps, {
        onReport: (ctx, month) => handleReportCommand(ctx, month, clock),
        onTrack: (ctx) => handleTrackCommand(ctx, deps),
      }),
    ),
  );
}

/** The hourly check whether the month's analytics issue is due. */
function startMonthlySchedule(
  app: Probot,
  state: SharedState,
  clock: () => DateTime,
  track: Track,
): void {
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
      const run = await track("monthly schedule", () =>
        state.withLock("monthly-schedule", LOCK_TTL_SECONDS, () =>
          runMonthlySchedule(app, clock()),
        ),
      );
      if (run.ran) app.log.debug({ ...run.value }, "monthly schedule checked");
    },
  );
}

/** The catch-up's interval: the option, else none without the schedule, else the environment's. */
function catchUpMinutes(options: AppOptions): number {
  // The setting from the environment unless given (the server entry passes nothing).
  return (
    options.catchUpIntervalMinutes ??
    (options.schedule === false ? 0 : catchUpIntervalMinutes(process.env.CATCH_UP_INTERVAL_MINUTES))
  );
}

/**
 * Runs the catch-up of failed deliveries now and then every `minutes`, on one replica at a time
 * (README, "Nothing missed").
 */
function startCatchUp(app: Probot, state: SharedState, minutes: number, track: Track): void {
  if (minutes <= 0) return;
  const run = async () => {
    try {
      const outcome = await track("catch-up", () =>
        state.withLock("catch-up", LOCK_TTL_SECONDS, () =>
          catchUpDeliveries(app, state, new Date()),
        ),
      );
      if (outcome.ran && outcome.value.redelivered.length + outcome.value.resumed.length > 0)
        app.log.info(
          {
            redelivered: outcome.value.redelivered.length,
            resumed: outcome.value.resumed.length,
            since: outcome.value.since,
          },
          "failed deliveries redelivered, and deliveries answered 202 whose replica died handled",
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
