import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApplicationFunction, Logger, Probot } from "probot";
import { SmeeClient } from "smee-client";
import type { SharedState } from "../state/shared-state.js";
import { createHealthCheck, type PingableState } from "./health.js";
import { InFlight } from "./in-flight.js";
import { createWebhookEndpoint, type WebhookEndpointOptions } from "./webhook-endpoint.js";

/** Probot's webhook path (the path `@octokit/webhooks` documents). */
export const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";

/**
 * The shared state (`src/state/`) as the server uses it: the health check pings it, deliveries
 * answered 202 are kept in it, and the shutdown closes it after the work in flight.
 */
type ServerState = PingableState &
  Pick<SharedState, "close"> &
  Partial<Pick<SharedState, "keepAnswered" | "dropAnswered">>;

export interface ServerOptions {
  /** A Probot with the App's credentials (`createProbot()` reads them from the environment). */
  probot: Probot;
  /** The app, given the server's in-flight tracker so that scheduled work is waited for too. */
  app: (inFlight: InFlight) => ApplicationFunction;
  log: Logger;
  state?: ServerState | undefined;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`; `0.0.0.0` in a container. */
  host?: string;
  webhookPath?: string;
  /** A smee.io channel to receive webhooks through (development). */
  webhookProxyUrl?: string | undefined;
  /** How long a shutdown waits for deliveries being handled (default 25 s). */
  shutdownTimeoutMs?: number;
  /** See `createWebhookEndpoint`. */
  answerWithinMs?: number;
  maxBodyBytes?: number;
  /** See `createWebhookEndpoint`. */
  retryAfterAnswerMs?: number;
  /** How long the health check reuses GitHub's answer (default 30 s). */
  healthGithubTtlMs?: number;
}

export interface RunningServer {
  /** `http://host:port` */
  url: string;
  webhookUrl: string;
  server: Server;
  inFlight: InFlight;
  /**
   * Graceful shutdown: stops taking deliveries (503 and the listening socket closed), waits for
   * the ones being handled and scheduled work, then closes the shared state. Resolves `drained:
   * false` when the wait timed out. Safe to call twice.
   */
  stop(): Promise<{ drained: boolean }>;
}

/**
 * The app's HTTP server, as `npm start` runs it: Probot's webhook handling behind a webhook
 * endpoint that cannot be flooded, `GET /healthz`, and a graceful shutdown (README, "Hosting").
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const webhookPath = options.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  const inFlight = new InFlight();
  let stopping = false;
  await options.probot.load(options.app(inFlight));
  const route = routes(options, webhookPath, inFlight, () => stopping);
  const server = await listen(route, options);
  const url = serverUrl(server);
  const webhookUrl = `${url}${webhookPath}`;
  const proxy = await startProxy(options, webhookUrl, server);
  const stop = gracefulStop(options, { server, inFlight, proxy }, () => {
    stopping = true;
  });
  return { url, webhookUrl, server, inFlight, stop };
}

type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The webhook path (and a POST to the root), `GET /healthz`, and 404 for anything else. */
function routes(
  options: ServerOptions,
  webhookPath: string,
  inFlight: InFlight,
  stopping: () => boolean,
): Route {
  const { probot, log } = options;
  const webhook = createWebhookEndpoint({
    probot,
    log,
    inFlight,
    accepting: () => !stopping(),
    ...(options.answerWithinMs !== undefined ? { answerWithinMs: options.answerWithinMs } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBytes: options.maxBodyBytes } : {}),
    ...(options.retryAfterAnswerMs !== undefined
      ? { retryAfterAnswerMs: options.retryAfterAnswerMs }
      : {}),
    answered: answeredStore(options.state),
  });
  const health = createHealthCheck({
    probot,
    state: options.state,
    stopping,
    ...(options.healthGithubTtlMs !== undefined ? { githubTtlMs: options.healthGithubTtlMs } : {}),
  });

  return async (request, response) => {
    const path = (request.url ?? "/").split("?")[0]?.replace(/\/+$/, "") || "/";
    // Probot's setup flow registers the host's root as the webhook URL when there is no proxy.
    if (path === webhookPath || (path === "/" && request.method === "POST"))
      return webhook(request, response);
    if (path === "/healthz" && (request.method === "GET" || request.method === "HEAD")) {
      const report = await health();
      response
        .writeHead(report.status === "ok" ? 200 : 503, { "content-type": "application/json" })
        .end(request.method === "HEAD" ? undefined : `${JSON.stringify(report)}\n`);
      return;
    }
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
  };
}

/** An HTTP server answering with `route`, listening once this resolves. */
async function listen(route: Route, options: ServerOptions): Promise<Server> {
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      options.log.error({ err: error, url: request.url }, "request failed");
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  // A slow sender cannot hold a connection open for long (GitHub sends a body in well under this).
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server;
}

/** `http://host:port` of a listening server. */
function serverUrl(server: Server): string {
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** The smee.io channel forwarding to the webhook URL, if set; the server closes if it fails. */
async function startProxy(
  options: ServerOptions,
  webhookUrl: string,
  server: Server,
): Promise<SmeeClient | undefined> {
  if (!options.webhookProxyUrl) return undefined;
  const { log } = options;
  const proxy = new SmeeClient({
    source: options.webhookProxyUrl,
    target: webhookUrl,
    logger: { info: (message) => log.info(message), error: (message) => log.error(message) },
  });
  try {
    await proxy.start();
  } catch (error) {
    server.close();
    throw new Error(
      `cannot connect to the webhook proxy ${options.webhookProxyUrl} (${(error as { message?: string }).message ?? "no answer"}): check WEBHOOK_PROXY_URL and the network, or leave it empty on a host GitHub can reach`,
    );
  }
  log.info({ proxy: options.webhookProxyUrl }, "receiving webhooks through the proxy");
  return proxy;
}

/** See `RunningServer.stop`; `beginStopping` turns new deliveries and the health check away. */
function gracefulStop(
  options: ServerOptions,
  running: { server: Server; inFlight: InFlight; proxy: SmeeClient | undefined },
  beginStopping: () => void,
): RunningServer["stop"] {
  const { log } = options;
  const { server, inFlight, proxy } = running;
  let stopped: Promise<{ drained: boolean }> | undefined;
  return () => {
    stopped ??= (async () => {
      beginStopping();
      log.info(
        { inFlight: inFlight.labels() },
        "shutting down: no new deliveries, finishing those in flight",
      );
      await proxy?.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = await inFlight.drain(options.shutdownTimeoutMs ?? 25_000);
      if (!drained)
        log.error(
          { inFlight: inFlight.labels() },
          "shutdown timed out with work in flight; its deliveries are redelivered by the catch-up",
        );
      server.closeAllConnections();
      await closed;
      await options.state?.close();
      log.info({ drained }, "stopped");
      return { drained };
    })();
    return stopped;
  };
}

/** Where the endpoint keeps deliveries answered 202: the shared state, where it can. */
function answeredStore(state: ServerState | undefined): WebhookEndpointOptions["answered"] {
  const keep = state?.keepAnswered;
  const drop = state?.dropAnswered;
  if (!keep || !drop) return undefined;
  return { keepAnswered: keep.bind(state), dropAnswered: drop.bind(state) };
}
