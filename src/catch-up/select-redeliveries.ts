/** One attempt of a webhook delivery, as `GET /app/hook/deliveries` lists it. */
export interface DeliveryAttempt {
  id: number;
  /** The event's id (`X-GitHub-Delivery`), shared by every attempt of one event. */
  guid: string;
  /** ISO 8601. */
  delivered_at: string;
  status: string;
  status_code: number;
  redelivery: boolean;
}

/**
 * Whether asking again can help: no answer (time-out, refused connection: status code 0), a
 * server error, or "try later" (408, 429). Any other refusal (a bad signature's 400, a body too
 * large) would be refused again.
 */
export function isRetryable(attempt: Pick<DeliveryAttempt, "status" | "status_code">): boolean {
  if (attempt.status === "OK") return false;
  const code = attempt.status_code;
  return code === 0 || code >= 500 || code === 408 || code === 429;
}

/**
 * The deliveries to ask GitHub to redeliver: for each event (guid) with a failed attempt at or
 * after `since` and no successful attempt among `attempts`, its newest attempt, newest first, at
 * most `limit`. GitHub's documented way to handle failed deliveries
 * (https://docs.github.com/en/webhooks/using-webhooks/handling-failed-webhook-deliveries).
 */
export function selectRedeliveries(
  attempts: readonly DeliveryAttempt[],
  since: string,
  limit: number,
): DeliveryAttempt[] {
  const from = Date.parse(since);
  const succeeded = new Set(attempts.filter((a) => a.status === "OK").map((a) => a.guid));
  const newest = new Map<string, DeliveryAttempt>();
  for (const attempt of attempts) {
    if (succeeded.has(attempt.guid) || Date.parse(attempt.delivered_at) < from) continue;
    const known = newest.get(attempt.guid);
    if (!known || attempt.id > known.id) newest.set(attempt.guid, attempt);
  }
  return [...newest.values()]
    .filter(isRetryable)
    .sort((a, b) => b.id - a.id)
    .slice(0, limit);
}
