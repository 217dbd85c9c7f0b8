import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type AuthSettings, authenticate, type Caller } from "../auth/authenticate.js";
import { executeGraphql } from "../graphql/execute-graphql.js";
import { githubSchema } from "../graphql/github-schema.js";
import type { Urls } from "../representations/urls.js";
import { HttpError, notModeled, toHttpError, unauthorized } from "../rest/http-error.js";
import { REST_ROUTES } from "../rest/rest-routes.js";
import { matchRoute, type RestResponse, type Route } from "../rest/route.js";
import type { HookDeliveries } from "../webhooks/hook-deliveries.js";
import { type FaultList, type FiredFault, faultAnswer } from "./faults.js";
import type { Interceptor, InterceptReply, RecordedRequest } from "./recorded-request.js";

/** What answering a request needs: credentials, the store, the addresses, the hooks. */
export interface RequestSettings extends AuthSettings {
  urls: Urls;
  interceptors: readonly Interceptor[];
  faults: FaultList;
  record: (request: RecordedRequest) => void;
  hooks: HookDeliveries;
}

/** Headers GitHub sends with every API answer (rate limit figures are constant here). */
function standardHeaders(): Record<string, string> {
  return {
    "x-github-request-id": randomUUID().toUpperCase(),
    "x-github-media-type": "github.v3; format=json",
    "x-github-api-version-selected": "2022-11-28",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-used": "1",
    "x-ratelimit-resource": "core",
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
  };
}

function callerName(caller: Caller): string | null {
  if (caller.kind === "installation" || caller.kind === "user") return caller.login;
  return caller.kind === "app" ? "app" : null;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** `/repositories/{id}/…` (the form of GitHub's `Link` headers) → `/repos/{owner}/{repo}/…`. */
function canonicalPath(pathname: string, settings: RequestSettings): string {
  const match = /^\/repositories\/(\d+)(\/.*)?$/.exec(pathname);
  if (!match) return pathname;
  const repo = settings.store.repoById(Number(match[1]));
  if (!repo) return pathname;
  return `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}${match[2] ?? ""}`;
}

/** The caller a route needs, or the 401/403 GitHub answers. */
function checkAccess(route: Route | "graphql", caller: Caller): void {
  if (caller.kind === "anonymous") {
    throw route === "graphql"
      ? new HttpError(401, "This endpoint requires you to be authenticated.")
      : unauthorized();
  }
  if (caller.kind === "invalid") throw unauthorized(caller.message);
  const auth = route === "graphql" ? "token" : route.auth;
  if (auth === "app" && caller.kind !== "app")
    throw unauthorized("A JSON web token could not be decoded");
  if (auth === "installation" && caller.kind !== "installation")
    throw new HttpError(
      403,
      "You must authenticate with an installation access token in order to list repositories for an installation.",
    );
  if (auth === "token" && caller.kind === "app")
    throw unauthorized(
      "An app's JSON web token cannot call this endpoint: use an installation token",
    );
}

function send(response: ServerResponse, answer: RestResponse | InterceptReply): void {
  const headers = { ...standardHeaders(), ...(answer.headers ?? {}) };
  if ("text" in answer && answer.text !== undefined) {
    response.writeHead(answer.status, { ...headers, "content-type": "text/plain; charset=utf-8" });
    response.end(answer.text);
    return;
  }
  if (answer.body === undefined) {
    response.writeHead(answer.status, headers);
    response.end();
    return;
  }
  response.writeHead(answer.status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
  });
  response.end(JSON.stringify(answer.body));
}

/**
 * Answers a call a fault fired on as that fault says (or closes the connection without an answer),
 * and returns its record.
 */
function sendFault(
  response: ServerResponse,
  fail: NonNullable<FiredFault["fail"]>,
  base: Omit<RecordedRequest, "status" | "response">,
): RecordedRequest {
  const answer = faultAnswer(fail.kind);
  if (answer) send(response, answer);
  else response.destroy();
  return {
    ...base,
    status: answer?.status ?? 0,
    response: answer?.text ?? answer?.body,
    fault: fail,
  };
}

/**
 * Answers one HTTP request as GitHub's REST or GraphQL API would, and records it. Anything the
 * local GitHub does not model is 501, so a test sees it instead of a plausible answer.
 */
export async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  settings: RequestSettings,
): Promise<void> {
  const at = new Date().toISOString();
  const method = (request.method ?? "GET").toUpperCase();
  const url = new URL(request.url ?? "/", settings.urls.api);
  const text = await readBody(request);
  const caller = authenticate(request.headers.authorization, settings);
  const isGraphql = method === "POST" && url.pathname === "/graphql";
  const matched = isGraphql
    ? null
    : matchRoute(REST_ROUTES, method, canonicalPath(url.pathname, settings));
  const base: Omit<RecordedRequest, "status" | "response"> = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: undefined,
    operation: isGraphql ? "graphql" : matched ? `${method} ${matched.route.path}` : null,
    caller: callerName(caller),
    at,
  };
  let answer: RestResponse;
  let fault: FiredFault | undefined;
  try {
    let body: unknown;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        throw new HttpError(400, "Problems parsing JSON");
      }
    }
    base.body = body;
    if (isGraphql) {
      const query = (body as { query?: unknown } | undefined)?.query;
      const name =
        typeof query === "string" ? /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] : undefined;
      base.operation = name ? `graphql ${name}` : "graphql";
    }
    fault = settings.faults.take({ ...base });
    await fault?.run?.();
    if (fault?.fail?.when === "before") {
      settings.record(sendFault(response, fault.fail, base));
      return;
    }
    for (const interceptor of settings.interceptors) {
      const reply = await interceptor({ ...base });
      if (reply) {
        send(response, reply);
        settings.record({ ...base, status: reply.status, response: reply.body });
        return;
      }
    }
    if (isGraphql) {
      checkAccess("graphql", caller);
      const schema = await githubSchema();
      const result = await executeGraphql(schema, body, {
        store: settings.store,
        caller,
        urls: settings.urls,
      });
      if (result.operationName) base.operation = `graphql ${result.operationName}`;
      answer = { status: result.status, body: result.body };
    } else if (!matched) {
      throw notModeled(`${method} ${url.pathname}`);
    } else {
      checkAccess(matched.route, caller);
      answer = matched.route.handle({
        method,
        params: matched.params,
        query: url.searchParams,
        body,
        headers: request.headers,
        caller,
        store: settings.store,
        tokens: settings.tokens,
        urls: settings.urls,
        hooks: settings.hooks,
      });
    }
  } catch (error) {
    const failure = toHttpError(error);
    answer = { status: failure.status, body: failure.body };
  }
  if (fault?.fail) {
    // Applied, but the answer is lost on the way back.
    settings.record(sendFault(response, fault.fail, base));
    return;
  }
  send(response, answer);
  settings.record({ ...base, status: answer.status, response: answer.text ?? answer.body });
}
