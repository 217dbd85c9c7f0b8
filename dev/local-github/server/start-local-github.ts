import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTokenRegistry } from "../auth/token-registry.js";
import type { Urls } from "../representations/urls.js";
import { createStore } from "../store/create-store.js";
import type { LocalStore, StoreOptions } from "../store/local-store.js";
import {
  createHookDeliveries,
  type HookDeliveries,
  type HookSettings,
} from "../webhooks/hook-deliveries.js";
import { type WebhookEvent, webhookEvent } from "../webhooks/webhook-event.js";
import { type FaultHandle, FaultList, type FaultSpec } from "./faults.js";
import { handleRequest } from "./handle-request.js";
import type { Interceptor, RecordedRequest } from "./recorded-request.js";

/** How to start the local GitHub; every option has a default. */
export interface LocalGitHubOptions {
  /** The app, when the server makes the store (see `createStore`). */
  app?: StoreOptions["app"];
  /** The store's clock, when the server makes the store. */
  now?: StoreOptions["now"];
  /**
   * The app's key (PEM, private or public): app JWTs must then be signed with it. Without it, any
   * JWT naming the app (`iss`) and not expired is taken.
   */
  appKey?: string;
  /** Personal tokens (`token → login`) that act as that person. */
  personalTokens?: Record<string, string>;
  /** The port on 127.0.0.1; default a free one. */
  port?: number;
  /**
   * The App's webhook URL and secret: with them the local GitHub sends each webhook event itself,
   * as it happens, and records each attempt (`GET /app/hook/deliveries`). Without them events are
   * only reported (`webhooks`, `onWebhook`) for a harness to deliver. Settable later with `setHook`.
   */
  hook?: HookSettings;
}

/** A running local GitHub. */
export interface LocalGitHub {
  /** The API base URL (`http://127.0.0.1:PORT`), for Probot's and Octokit's `baseUrl`. */
  url: string;
  store: LocalStore;
  /** Every request answered, in order. Clear it with `requests.length = 0`. */
  requests: RecordedRequest[];
  /** Every webhook event GitHub would have sent for the writes so far, in order. */
  webhooks: WebhookEvent[];
  /** Hears each webhook event as the write that causes it is made; returns the unsubscribe function. */
  onWebhook(listener: (event: WebhookEvent) => void): () => void;
  /**
   * Makes the Nth call that matches fail before or after it is applied, or runs a callback as it
   * arrives (a race landing between the app's read and its write). Each fault fires once.
   */
  fault(spec: FaultSpec): FaultHandle;
  /** Adds an interceptor (delay or replace answers); returns the function that removes it. */
  intercept(interceptor: Interceptor): () => void;
  /** An installation access token, as `POST /app/installations/{id}/access_tokens` would give. */
  installationToken(installationId: number): string;
  /** The webhook deliveries attempted (by `hook`, `hooks.send` or a redelivery). */
  hooks: HookDeliveries;
  /** Sets (or, with undefined, clears) the App's webhook URL and secret. */
  setHook(hook: HookSettings | undefined): void;
  close(): Promise<void>;
}

/**
 * Starts the local GitHub on 127.0.0.1 (a free port unless told): GitHub's REST and GraphQL APIs
 * for what the app uses, over an in-memory store that keeps what was written, records each
 * request, and reports the webhook events GitHub would send for each write.
 */
export async function startLocalGitHub(options: LocalGitHubOptions = {}): Promise<LocalGitHub> {
  const store = createStore({
    ...(options.app ? { app: options.app } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const tokens = createTokenRegistry();
  const requests: RecordedRequest[] = [];
  const webhooks: WebhookEvent[] = [];
  const listeners = new Set<(event: WebhookEvent) => void>();
  const interceptors: Interceptor[] = [];
  const faults = new FaultList();
  const urls: Urls = {
    api: "",
    html: "https://github.com",
  };

  let hook = options.hook;
  const hooks = createHookDeliveries(() => hook);
  const settings = {
    store,
    tokens,
    personalTokens: new Map(Object.entries(options.personalTokens ?? {})),
    appKey: options.appKey,
    urls,
    interceptors,
    faults,
    record: (request: RecordedRequest) => {
      requests.push(request);
    },
    hooks,
  };
  const server = createServer((request, response) => {
    handleRequest(request, response, settings).catch((error: unknown) => {
      response.destroy(error as Error);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  urls.api = `http://127.0.0.1:${port}`;

  const unsubscribe = store.subscribe((change) => {
    const event = webhookEvent(change, store, urls);
    webhooks.push(event);
    // GitHub sends each event on its own; a failure is recorded, never thrown.
    if (hook && hook.automatic !== false) void hooks.send(event);
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A harness bug must not turn into a GitHub answer: surface it as an uncaught error.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  });

  return {
    url: urls.api,
    store,
    requests,
    webhooks,
    onWebhook(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fault(spec) {
      return faults.add(spec);
    },
    intercept(interceptor) {
      interceptors.push(interceptor);
      return () => {
        const index = interceptors.indexOf(interceptor);
        if (index >= 0) interceptors.splice(index, 1);
      };
    },
    hooks,
    setHook(next) {
      hook = next;
    },
    installationToken(installationId) {
      if (!store.installation(installationId))
        throw new Error(`no installation ${installationId} in the local GitHub`);
      return tokens.issue(installationId).token;
    },
    close() {
      unsubscribe();
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
