import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger, Probot } from "probot";
import type { SharedState } from "../state/shared-state.js";
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
  /**
   * Where a delivery answered `202` is kept until its handling ends (the shared state): if the
   * process dies first, the catch-up handles it from there. None: it lives in this process only.
   */
  answered?: Pick<SharedState, "keepAnswered" | "dropAnswered"> | undefined;
}

/** How long a delivery answered 202 is kept for the catch-up: a day, as its first look back. */
const KEEP_ANSWERED_SECONDS = 24 * 60 * 60;

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
  return async (request, response) => {
    const delivery = acceptedDelivery(request, response, options);
    if (!delivery) return;
    const text = await bodyWithinLimit(request, response, options, delivery);
    if (text === null) return;
    const payload = await verifiedPayload(text, response, options, delivery);
    if (!payload) return;
    await receive(response, options, delivery, payload.value);
  };
}

/** What the headers say of a delivery, once all three are there. */
interface Delivery {
  id: string;
  event: string;
  signature: string;
}

/**
 * The delivery's headers, or null once the request is answered: 503 while shutting down, 405 not
 * a POST, 415 not JSON, 400 a header missing.
 */
function acceptedDelivery(
  request: IncomingMessage,
  response: ServerResponse,
  options: WebhookEndpointOptions,
): Delivery | null {
  const id = header(request, "x-github-delivery");
  const event = header(request, "x-github-event");
  const signature = header(request, "x-hub-signature-256");
  const delivery = { id, event };
  if (!options.accepting()) {
    // Connection: close, so that a keep-alive client does not send the next one here either.
    answer(response, 503, "shutting down\n", { connection: "close", "retry-after": "5" });
    return null;
  }
  if (request.method !== "POST") {
    answer(response, 405, "use POST\n", { allow: "POST" });
    return null;
  }
  const contentType = header(request, "content-type") ?? "";
  if (!/^\s*application\/json\s*(;|$)/i.test(contentType)) {
    options.log.warn(delivery, "webhook refused: the content type must be application/json");
    answer(response, 415, "content type must be application/json\n", { connection: "close" });
    return null;
  }
  if (!id || !event || !signature) {
    options.log.warn(
      delivery,
      "webhook refused: X-GitHub-Delivery, X-GitHub-Event or X-Hub-Signature-256 missing",
    );
    answer(response, 400, "webhook headers missing\n", { connection: "close" });
    return null;
  }
  return { id, event, signature };
}

/** The body as text, or null once answered 413 (over the size limit) or when the sender gave up. */
async function bodyWithinLimit(
  request: IncomingMessage,
  response: ServerResponse,
  options: WebhookEndpointOptions,
  { id, event }: Delivery,
): Promise<string | null> {
  const maxBytes = options.maxBytes ?? MAX_WEBHOOK_BYTES;
  const read = await readBody(request, maxBytes);
  if (read.ok) return read.body.toString("utf8");
  if (read.reason === "aborted") return null;
  options.log.warn(
    { id, event, contentLength: header(request, "content-length") ?? null },
    `webhook refused: the body is over ${maxBytes} bytes, more than GitHub ever sends`,
  );
  answer(response, 413, "payload too large\n", { connection: "close" });
  // Stop reading what is left of the body: the connection closes after the answer.
  response.on("finish", () => request.destroy());
  return null;
}

/**
 * The payload of a body whose signature matches, or null once answered: 400 for a bad signature,
 * 200 `ignored:` for a signed body that is not JSON or that the app cannot use.
 */
async function verifiedPayload(
  text: string,
  response: ServerResponse,
  options: WebhookEndpointOptions,
  { id, event, signature }: Delivery,
): Promise<{ value: unknown } | null> {
  const delivery = { id, event };
  if (!(await options.probot.webhooks.verify(text, signature).catch(() => false))) {
    options.log.warn(
      delivery,
      "webhook refused: the signature does not match; check that WEBHOOK_SECRET is the App's webhook secret (App settings → General)",
    );
    answer(response, 400, "signature does not match\n");
    return null;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    options.log.warn(delivery, "webhook ignored: the signed body is not JSON");
    answer(response, 200, "ignored: not JSON\n");
    return null;
  }
  const unusable = unusablePayload(event, payload);
  if (unusable !== null) {
    options.log.warn(
      { ...delivery, reason: unusable },
      "webhook ignored: the payload cannot be used",
    );
    answer(response, 200, `ignored: ${unusable}\n`);
    return null;
  }
  return { value: payload };
}

/**
 * Hands the delivery to Probot: 200 when handled, 500 when the handling failed; 202 `still
 * processing` once `answerWithinMs` has passed, and then a failure is handled again later.
 */
async function receive(
  response: ServerResponse,
  options: WebhookEndpointOptions,
  { id, event }: Delivery,
  payload: unknown,
): Promise<void> {
  const delivery = { id, event };
  const handle = () =>
    options.probot.receive({ id, name: event, payload } as Parameters<Probot["receive"]>[0]);
  let answered = false;
  const timer = setTimeout(() => {
    answered = true;
    answer(response, 202, "still processing\n");
    keepAnswered(options, delivery, payload);
  }, options.answerWithinMs ?? 9_000);
  try {
    await options.inFlight.track(`${event} ${id}`, handle);
    clearTimeout(timer);
    if (!answered) answer(response, 200, "ok\n");
    else dropAnswered(options, delivery);
  } catch (error) {
    clearTimeout(timer);
    // Probot's error handler has logged each handler error with the delivery id.
    options.log.warn(
      { ...delivery, errors: handlerErrors(error) },
      "webhook failed: GitHub lists the delivery as failed, and the catch-up redelivers it",
    );
    if (!answered) answer(response, 500, "handling failed\n");
    else handleAgainLater(options, delivery, handle);
  }
}

/**
 * GitHub took the `202` as success, so neither its redelivery nor the catch-up brings back a
 * delivery whose handling failed after it: it is handled again here, as a redelivery would be
 * (the delivery's claim was given up; what was written is found by state and marker).
 */
function handleAgainLater(
  options: WebhookEndpointOptions,
  delivery: { id: string; event: string },
  receive: () => Promise<void>,
  attempt = 1,
): void {
  const delay = (options.retryAfterAnswerMs ?? 10_000) * attempt;
  void options.inFlight.track(`again ${delivery.event} ${delivery.id}`, async () => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      await receive();
      options.log.info({ ...delivery, attempt }, "webhook handled on a later try");
      dropAnswered(options, delivery);
    } catch (error) {
      if (attempt < 3) return handleAgainLater(options, delivery, receive, attempt + 1);
      options.log.error(
        { ...delivery, errors: handlerErrors(error) },
        options.answered
          ? "webhook failed three more times after its 202 answer: the catch-up handles it again on its next run"
          : "webhook failed three more times after its 202 answer: redeliver it from the App's settings (Advanced → Recent Deliveries)",
      );
    }
  });
}

/**
 * Keeps a delivery answered 202 in the shared state until its handling ends. A failure to keep it
 * is logged: the handling goes on, and only a crash before it ends would lose the delivery.
 */
function keepAnswered(
  options: WebhookEndpointOptions,
  delivery: { id: string; event: string },
  payload: unknown,
): void {
  const kept = JSON.stringify({ name: delivery.event, payload });
  options.answered?.keepAnswered(delivery.id, kept, KEEP_ANSWERED_SECONDS).catch((error) => {
    options.log.warn({ ...delivery, err: error }, "could not keep the delivery answered 202");
  });
}

/** Its handling ended: the catch-up need not look at it (it checks the delivery handled anyway). */
function dropAnswered(
  options: WebhookEndpointOptions,
  delivery: { id: string; event: string },
): void {
  options.answered?.dropAnswered(delivery.id).catch((error) => {
    options.log.warn({ ...delivery, err: error }, "could not drop the delivery answered 202");
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
