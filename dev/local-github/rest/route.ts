import type { IncomingHttpHeaders } from "node:http";
import type { Caller } from "../auth/authenticate.js";
import type { TokenRegistry } from "../auth/token-registry.js";
import type { Urls } from "../representations/urls.js";
import type { LocalStore } from "../store/local-store.js";
import type { HookDeliveries } from "../webhooks/hook-deliveries.js";

/** What a REST handler gets: the matched parameters and everything the server knows. */
export interface RestRequest {
  method: string;
  /** Path parameters, URL-decoded (`path` may hold slashes). */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  caller: Caller;
  store: LocalStore;
  tokens: TokenRegistry;
  urls: Urls;
  /** The App's webhook deliveries so far. */
  hooks: HookDeliveries;
}

/** A REST answer: JSON `body`, or raw `text` (served as `text/plain; charset=utf-8`). */
export interface RestResponse {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/** Who may call a route: the app (JWT), an installation (token), or an installation or a person. */
type RouteAuth = "app" | "installation" | "token";

/** One operation of GitHub's REST API, named as in GitHub's OpenAPI description. */
export interface Route {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** `METHOD /path/{param}` as in the OpenAPI description, e.g. `GET /repos/{owner}/{repo}/issues`. */
  path: string;
  auth: RouteAuth;
  handle(request: RestRequest): RestResponse;
}

/** A route's path as a regular expression; `{path}` takes the rest of the path, slashes and all. */
function compilePath(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return name === "path" ? "(.+)" : "([^/]+)";
  });
  return { regex: new RegExp(`^${source}/?$`), names };
}

/** The route for a method and path, with its parameters decoded; null when none matches. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const { regex, names } = compilePath(route.path);
    const match = regex.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] ?? "");
    });
    return { route, params };
  }
  return null;
}
