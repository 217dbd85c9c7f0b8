import type { Probot } from "probot";
import { type DeliveryAttempt, selectRedeliveries } from "../catch-up/select-redeliveries.js";
import type { SharedState } from "../state/shared-state.js";

/** How much one run may do: pages of 100 failed attempts read, redeliveries asked. */
export interface CatchUpLimits {
  pages: number;
  redeliveries: number;
}

const CATCH_UP_LIMITS: CatchUpLimits = { pages: 10, redeliveries: 100 };

/** Where the time of the last check is kept, shared by the replicas. */
const CHECKED_AT = "catch-up:checked-at";

/** The first run, with no earlier check recorded, looks back this far. */
const FIRST_LOOK_BACK_MS = 24 * 60 * 60 * 1000;

/** Reads from this long before the last check too, for clocks that disagree a little. */
const OVERLAP_MS = 60 * 1000;

/**
 * A delivery answered 202 and still kept this long after is taken as lost with its replica: the
 * replica that answered retries it within a minute (10, 20 and 30 s) while it lives.
 */
const ANSWERED_GRACE_MS = 5 * 60 * 1000;

export interface CatchUpRun {
  since: string;
  /** Failed attempts read. */
  failed: number;
  /** Events redelivery was asked for (by guid). */
  redelivered: string[];
  /** Events that failed on GitHub's side but were handled all the same (a late answer). */
  alreadyHandled: number;
  /** Events answered 202 whose handling was lost (its replica died): handled here (by guid). */
  resumed: string[];
}

/**
 * Recovers what was missed: lists the App's failed webhook deliveries since the last check
 * (`GET /app/hook/deliveries?status=failure`, newest first, by cursor) and asks GitHub to
 * redeliver (`POST /app/hook/deliveries/{id}/attempts`) each event that failed, has not
 * succeeded since and was not handled after all, at most `limits.redeliveries` a run. A
 * redelivery keeps its guid, so an event handled meanwhile does nothing twice.
 */
export async function catchUpDeliveries(
  app: Probot,
  state: SharedState,
  now: Date,
  limits: CatchUpLimits = CATCH_UP_LIMITS,
): Promise<CatchUpRun> {
  const last = await state.getValue(CHECKED_AT);
  const since = new Date(
    last ? Date.parse(last) - OVERLAP_MS : now.getTime() - FIRST_LOOK_BACK_MS,
  ).toISOString();
  const octokit = await app.auth();
  const attempts: DeliveryAttempt[] = [];
  let pages = 0;
  for await (const { data } of octokit.paginate.iterator(octokit.rest.apps.listWebhookDeliveries, {
    per_page: 100,
    status: "failure",
  })) {
    attempts.push(...data);
    pages += 1;
    const oldest = data.at(-1);
    if (pages >= limits.pages || !oldest || Date.parse(oldest.delivered_at) < Date.parse(since))
      break;
  }
  const run: CatchUpRun = {
    since,
    failed: attempts.length,
    redelivered: [],
    alreadyHandled: 0,
    resumed: [],
  };
  for (const attempt of selectRedeliveries(attempts, since, Number.POSITIVE_INFINITY)) {
    if (run.redelivered.length >= limits.redeliveries) break;
    if (await state.isDeliveryHandled(attempt.guid)) {
      run.alreadyHandled += 1;
      continue;
    }
    await octokit.rest.apps.redeliverWebhookDelivery({ delivery_id: attempt.id });
    run.redelivered.push(attempt.guid);
  }
  await resumeAnswered(app, state, now, limits.redeliveries, run);
  await state.setValue(CHECKED_AT, now.toISOString());
  return run;
}

/**
 * Handles the deliveries answered 202 that are kept still, five minutes on, and not handled: their
 * replica died before it was done (GitHub took the 202 as success and lists them as such). Each is
 * handled here once, by the app's handlers, under its own delivery id (a delivery handled
 * meanwhile does nothing twice); one that fails again stays kept for the next run.
 */
async function resumeAnswered(
  app: Probot,
  state: SharedState,
  now: Date,
  limit: number,
  run: CatchUpRun,
): Promise<void> {
  for (const kept of await state.answeredBefore(now.getTime() - ANSWERED_GRACE_MS, limit)) {
    if (!(await state.isDeliveryHandled(kept.id))) {
      const { name, payload } = JSON.parse(kept.delivery) as { name: string; payload: unknown };
      try {
        await app.receive({ id: kept.id, name, payload } as Parameters<Probot["receive"]>[0]);
      } catch (error) {
        app.log.warn(
          { id: kept.id, event: name, err: error },
          "a delivery answered 202 failed again; the next catch-up tries it once more",
        );
        continue;
      }
      run.resumed.push(kept.id);
    }
    await state.dropAnswered(kept.id);
  }
}
