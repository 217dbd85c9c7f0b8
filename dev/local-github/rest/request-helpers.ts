import type { RepoRecord } from "../store/records.js";
import { notFound } from "../store/store-error.js";
import { HttpError, notModeled } from "./http-error.js";
import type { RestRequest } from "./route.js";

/**
 * The repository of `{owner}/{repo}`, if the caller may see it: an installation sees the
 * repositories it covers, a person every one. Anything else is 404, as GitHub hides what a caller
 * cannot read.
 */
export function visibleRepo(request: RestRequest): RepoRecord {
  const { owner = "", repo = "" } = request.params;
  const found = request.store.findRepo(`${owner}/${repo}`);
  if (!found) throw notFound();
  const { caller } = request;
  if (
    caller.kind === "installation" &&
    request.store.installationFor(found)?.id !== caller.installation.id
  )
    throw notFound();
  return found;
}

/** The login the caller writes as: the app's bot for an installation token. */
export function actorLogin(request: RestRequest): string {
  const { caller } = request;
  if (caller.kind === "installation" || caller.kind === "user") return caller.login;
  throw notFound();
}

/** A whole-number path parameter, or 404 (GitHub's answer for `/issues/abc`). */
export function numberParam(request: RestRequest, name: string): number {
  const value = Number(request.params[name]);
  if (!Number.isInteger(value) || value <= 0) throw notFound();
  return value;
}

/** The request body as an object (GitHub answers 400 for JSON that is not one). */
export function bodyObject(request: RestRequest): Record<string, unknown> {
  const { body } = request;
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body))
    throw new HttpError(400, "Problems parsing JSON");
  return body as Record<string, unknown>;
}

/** 501 when the body sets a field GitHub knows but the local GitHub does not model. */
export function rejectUnmodeled(body: Record<string, unknown>, fields: readonly string[]): void {
  for (const field of fields)
    if (body[field] !== undefined && body[field] !== null)
      throw notModeled(`the \`${field}\` field`);
}

/** The base of links into a repository's lists, in GitHub's `/repositories/{id}` form. */
export function repositoryLinkBase(request: RestRequest, repo: RepoRecord): string {
  return `${request.urls.api}/repositories/${repo.id}`;
}
