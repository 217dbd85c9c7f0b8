import { deliveryRequest } from "./delivery-request.js";
import type { WebhookEvent } from "./webhook-event.js";

/** One attempt to deliver an event, as `GET /app/hook/deliveries` lists it. */
export interface HookDelivery {
  /** The attempt's own id (a redelivery is a new attempt with a new id). */
  id: number;
  /** The event's id (`X-GitHub-Delivery`), the same for each attempt of one event. */
  guid: string;
  /** When the attempt was made (ISO 8601, seconds, `Z`). */
  deliveredAt: string;
  redelivery: boolean;
  /** Seconds until the answer (or the failure). */
  duration: number;
  /** `OK`, `Invalid HTTP Response: 500`, `timed out`, `failed to connect`. */
  status: string;
  /** The answer's status, 0 when there was none. */
  statusCode: number;
  event: WebhookEvent;
  /** The URL it was sent to. */
  url: string;
  /** The answer's headers, as GitHub shows them for a delivery (empty when there was none). */
  responseHeaders: Record<string, string>;
}

/** Where and how the local GitHub sends webhooks, as an App's webhook settings say. */
export interface HookSettings {
  /** The App's webhook URL. */
  url: string;
  /** The App's webhook secret: each delivery is signed with it (`X-Hub-Signature-256`). */
  secret: string;
  /** GitHub gives up on an answer after 10 seconds and records the delivery as failed. */
  timeoutMs?: number;
  /**
   * Send each event as it happens (default), or only when asked (`hooks.send`), for a harness
   * that paces the deliveries itself; redeliveries are sent either way.
   */
  automatic?: boolean;
}

/** The deliveries the local GitHub has attempted, newest last, and the sending of more. */
export interface HookDeliveries {
  readonly attempts: HookDelivery[];
  /** Sends an event now (to `url` instead of the App's URL when given) and records the attempt. */
  send(
    event: WebhookEvent,
    options?: { url?: string; redelivery?: boolean },
  ): Promise<HookDelivery>;
  /** Sends a new attempt of a recorded delivery (same guid, `redelivery: true`); null if unknown. */
  redeliver(id: number, options?: { url?: string }): Promise<HookDelivery> | null;
  /** Resolves once every attempt started so far has its outcome. */
  idle(): Promise<void>;
}

/** GitHub's timeout for a webhook answer (docs: "Handling failed webhook deliveries"). */
const GITHUB_TIMEOUT_MS = 10_000;

/**
 * GitHub's webhook sender for the local GitHub: signs each event, POSTs it, and records every
 * attempt with its outcome (the answer's status, a time-out, a refused connection), so that the
 * app's catch-up can find the failed ones through `GET /app/hook/deliveries`.
 */
export function createHookDeliveries(
  settings: () => HookSettings | undefined,
  now: () => Date = () => new Date(),
): HookDeliveries {
  const attempts: HookDelivery[] = [];
  const pending = new Set<Promise<unknown>>();
  let nextId = 1;

  const attempt = async (
    event: WebhookEvent,
    url: string,
    secret: string,
    redelivery: boolean,
    timeoutMs: number,
  ): Promise<HookDelivery> => {
    const id = nextId++;
    const deliveredAt = now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    const started = performance.now();
    const { headers, body } = await deliveryRequest(event, secret);
    let status: string;
    let statusCode = 0;
    let responseHeaders: Record<string, string> = {};
    try {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer();
      statusCode = response.status;
      responseHeaders = Object.fromEntries(response.headers);
      status = response.ok ? "OK" : `Invalid HTTP Response: ${response.status}`;
    } catch (error) {
      const name = (error as Error).name;
      status = name === "TimeoutError" || name === "AbortError" ? "timed out" : "failed to connect";
    }
    const record: HookDelivery = {
      id,
      guid: event.id,
      deliveredAt,
      redelivery,
      duration: Math.round(performance.now() - started) / 1000,
      status,
      statusCode,
      event,
      url,
      responseHeaders,
    };
    attempts.push(record);
    return record;
  };

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
    return promise;
  };

  const send: HookDeliveries["send"] = (event, options = {}) => {
    const hook = settings();
    if (!hook) throw new Error("the local GitHub has no webhook URL: start it with `hook`");
    return track(
      attempt(
        event,
        options.url ?? hook.url,
        hook.secret,
        options.redelivery ?? false,
        hook.timeoutMs ?? GITHUB_TIMEOUT_MS,
      ),
    );
  };

  return {
    attempts,
    send,
    redeliver(id, options = {}) {
      const found = attempts.find((record) => record.id === id);
      if (!found) return null;
      return send(found.event, { ...options, redelivery: true });
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
