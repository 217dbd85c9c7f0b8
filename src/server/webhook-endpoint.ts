import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger, Probot } from "probot";
import type { InFlight } from "./in-flight.js";
import { MAX_WEBHOOK_BYTES, readBody } from "./read-body.js";
import { unusablePayload } from "./usable-payload.js";

export interface WebhookEndpointOptions {
  probot: Probot;
  log: Logger;
  inFlight: InFlight;
  /** False once a shutdown began: new deliveries get 503 (the catch-up redelivers them). */
  accepting: () => boolean;
  /**
   * Milliseconds before answering `202 still processing` while the handling goes on: GitHub
   * counts a delivery not answered within 10 s as failed. Default 9,000.
   */
  answerWithinMs?: number;
  /** The largest body read (default GitHub's 25 MB). */
  maxBytes?: number;
  /**
   * Milliseconds before a delivery answered `202` whose handling then failed is handled again
   * (then twice and three times as long; three tries). Default 10,000.
   */
  retryAfterAnswerMs?: number;
}

/**
 * GitHub's webhook deliveries, handled so that no request can flood the process: the size is
 * checked before the body is read, the signature before it is parsed, and nothing of a payload is
 * ever logged (the delivery id and event name are). Statuses, as GitHub's delivery log shows them:
 * 200 handled; 200 with `ignored:` for a signed payload the app cannot use (a redelivery would not
 * help); 202 still being handled after 9 s; 400 missing headers or a bad signature; 413 too large;
 * 415 not JSON; 500 the handling failed (the catch-up redelivers it); 503 shutting down.
 */
export function createWebhookEndpoint(
  options: WebhookEndpointOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { probot, log, inFlight } = options;
  const maxBytes = options.maxBytes ?? MAX_WEBHOOK_BYTES;
  const answerWithinMs = options.answerWithinMs ?? 9_000;

  return async (request, response) => {
    const id = header(request, "x-github-delivery");
    const event = header(request, "x-github-event");
    const signature = header(request, "x-hub-signature-256");
    const delivery = { id, event };
    if (!options.accepting()) {
      // Connection: close, so that a keep-alive client does not send the next one here either.
      return answer(response, 503, "shutting down\n", { connection: "close", "retry-after": "5" });
    }
    if (request.method !== "POST") return answer(response, 405, "use POST\n", { allow: "POST" });
    const contentType = header(request, "content-type") ?? "";
    if (!/^\s*application\/json\s*(;|$)/i.test(contentType)) {
      log.warn(delivery, "webhook refused: the content type must be application/json");
      return answer(response, 415, "content type must be application/json\n", {
        connection: "close",
      });
    }
    if (!id || !event || !signature) {
      log.warn(
        delivery,
        "webhook refused: X-GitHub-Delivery, X-GitHub-Event or X-Hub-Signature-256 missing",
      );
      return answer(response, 400, "webhook headers missing\n", { connection: "close" });
    }
    const read = await readBody(request, maxBytes);
    if (!read.ok) {
      if (read.reason === "aborted") return;
      log.warn(
        { ...delivery, contentLength: header(request, "content-length") ?? null },
        `webhook refused: the body is over ${maxBytes} bytes, more than GitHub ever sends`,
      );
      answer(response, 413, "payload too large\n", { connection: "close" });
      // Stop reading what is left of the body: the connection closes after the answer.
      response.on("finish", () => request.destroy());
      return;
    }
    const text = read.body.toString("utf8");
    if (!(await probot.webhooks.verify(text, signature).catch(() => false))) {
      log.warn(
        delivery,
        "webhook refused: the signature does not match; check that WEBHOOK_SECRET is the App's webhook secret (App settings → General)",
      );
      return answer(response, 400, "signature does not match\n");
    }
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      log.warn(delivery, "webhook ignored: the signed body is not JSON");
      return answer(response, 200, "ignored: not JSON\n");
    }
    const unusable = unusablePayload(event, payload);
    if (unusable !== null) {
      log.warn({ ...delivery, reason: unusable }, "webhook ignored: the payload cannot be used");
      return answer(response, 200, `ignored: ${unusable}\n`);
    }

    let answered = false;
    const timer = setTimeout(() => {
      answered = true;
      answer(response, 202, "still processing\n");
    }, answerWithinMs);
    try {
      await inFlight.track(`${event} ${id}`, () =>
        probot.receive({ id, name: event, payload } as Parameters<Probot["receive"]>[0]),
      );
      clearTimeout(timer);
      if (!answered) answer(response, 200, "ok\n");
    } catch (error) {
      clearTimeout(timer);
      // Probot's error handler has logged each handler error with the delivery id.
      log.warn(
        { ...delivery, errors: handlerErrors(error) },
        "webhook failed: GitHub lists the delivery as failed, and the catch-up redelivers it",
      );
      if (!answered) answer(response, 500, "handling failed\n");
      else
        handleAgainLater(options, delivery, () =>
          probot.receive({ id, name: event, payload } as Parameters<Probot["receive"]>[0]),
        );
    }
  };
}

/**
 * GitHub took the `202` as success, so neither its redelivery nor the catch-up brings back a
 * delivery whose handling failed after it: it is handled again here, as a redelivery would be
 * (the delivery's claim was given up; what was written is found by state and marker).
 */
function handleAgainLater(
  options: WebhookEndpointOptions,
  delivery: { id: string | undefined; event: string | undefined },
  receive: () => Promise<void>,
  attempt = 1,
): void {
  const delay = (options.retryAfterAnswerMs ?? 10_000) * attempt;
  void options.inFlight.track(`again ${delivery.event} ${delivery.id}`, async () => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      await receive();
      options.log.info({ ...delivery, attempt }, "webhook handled on a later try");
    } catch (error) {
      if (attempt < 3) return handleAgainLater(options, delivery, receive, attempt + 1);
      options.log.error(
        { ...delivery, errors: handlerErrors(error) },
        "webhook failed three more times after its 202 answer: redeliver it from the App's settings (Advanced → Recent Deliveries)",
      );
    }
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function answer(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(body);
}

function handlerErrors(error: unknown): string[] {
  const errors = error instanceof AggregateError ? error.errors : [error];
  return errors.map((each) =>
    each instanceof Error ? `${each.name}: ${each.message}`.slice(0, 300) : String(each),
  );
}
