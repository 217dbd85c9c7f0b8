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

export interface CatchUpRun {
  since: string;
  /** Failed attempts read. */
  failed: number;
  /** Events redelivery was asked for (by guid). */
  redelivered: string[];
  /** Events that failed on GitHub's side but were handled all the same (a late answer). */
  alreadyHandled: number;
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
  const run: CatchUpRun = { since, failed: attempts.length, redelivered: [], alreadyHandled: 0 };
  for (const attempt of selectRedeliveries(attempts, since, Number.POSITIVE_INFINITY)) {
    if (run.redelivered.length >= limits.redeliveries) break;
    if (await state.isDeliveryHandled(attempt.guid)) {
      run.alreadyHandled += 1;
      continue;
    }
    await octokit.rest.apps.redeliverWebhookDelivery({ delivery_id: attempt.id });
    run.redelivered.push(attempt.guid);
  }
  await state.setValue(CHECKED_AT, now.toISOString());
  return run;
}
