import { issueJson } from "../../representations/issue-json.js";
import { labelJson } from "../../representations/label-json.js";
import type { LocalStore } from "../../store/local-store.js";
import type { IssueRecord, RepoRecord } from "../../store/records.js";
import { validationFailed } from "../../store/store-error.js";
import { HttpError, notModeled } from "../http-error.js";
import { paginate } from "../paginate.js";
import {
  actorLogin,
  bodyObject,
  numberParam,
  rejectUnmodeled,
  repositoryLinkBase,
  visibleRepo,
} from "../request-helpers.js";
import type { RestRequest, Route } from "../route.js";

/** Fields of an issue write that GitHub knows and the local GitHub does not model. */
const UNMODELED_FIELDS = ["milestone", "assignee", "type", "issue_field_values"] as const;

function invalid(field: string): never {
  throw validationFailed({ resource: "Issue", field, code: "invalid" });
}

/** The issues `GET /repos/{owner}/{repo}/issues` answers with, filtered and sorted as GitHub does. */
function listIssues(request: RestRequest, repo: RepoRecord, store: LocalStore): IssueRecord[] {
  const { query } = request;
  for (const name of ["milestone", "mentioned", "type"])
    if (query.has(name)) throw notModeled(`the \`${name}\` filter`);
  const state = query.get("state") ?? "open";
  if (!["open", "closed", "all"].includes(state)) invalid("state");
  const sort = query.get("sort") ?? "created";
  if (!["created", "updated", "comments"].includes(sort)) invalid("sort");
  const direction = query.get("direction") ?? "desc";
  if (!["asc", "desc"].includes(direction)) invalid("direction");
  const since = query.get("since");
  const sinceTime = since === null ? null : Date.parse(since);
  if (sinceTime !== null && Number.isNaN(sinceTime)) invalid("since");
  const labels = (query.get("labels") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  const creator = query.get("creator")?.toLowerCase();
  const assignee = query.get("assignee")?.toLowerCase();
  const comments = (issue: IssueRecord) =>
    [...repo.comments.values()].filter((comment) => comment.issueNumber === issue.number).length;
  const key = (issue: IssueRecord): number =>
    sort === "comments"
      ? comments(issue)
      : Date.parse(sort === "updated" ? issue.updatedAt : issue.createdAt);
  return store
    .issues(repo)
    .filter((issue) => state === "all" || issue.state === state)
    .filter((issue) => {
      const names = issue.labels.map((name) => name.toLowerCase());
      return labels.every((name) => names.includes(name));
    })
    .filter((issue) => sinceTime === null || Date.parse(issue.updatedAt) >= sinceTime)
    .filter((issue) => creator === undefined || issue.user.toLowerCase() === creator)
    .filter((issue) => {
      if (assignee === undefined) return true;
      if (assignee === "*") return issue.assignees.length > 0;
      if (assignee === "none") return issue.assignees.length === 0;
      return issue.assignees.some((login) => login.toLowerCase() === assignee);
    })
    .sort((a, b) => {
      const order = key(a) - key(b) || a.number - b.number;
      return direction === "asc" ? order : -order;
    });
}

/** The labels `POST`/`PUT /repos/{owner}/{repo}/issues/{issue_number}/labels` were given. */
function labelsOf(body: unknown): unknown {
  if (Array.isArray(body)) return body;
  if (typeof body === "object" && body !== null) return (body as { labels?: unknown }).labels;
  return undefined;
}

/** Issues: list with filters and `Link` pagination, create, get, update; add and set labels. */
export const ISSUE_ROUTES: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues",
    auth: "token",
    handle: (request) => {
      const { store, urls } = request;
      const repo = visibleRepo(request);
      const issues = listIssues(request, repo, store).map((issue) =>
        issueJson(issue, repo, store, urls),
      );
      const base = `${repositoryLinkBase(request, repo)}/issues`;
      const { page, headers } = paginate(issues, request.query, base);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues",
    auth: "token",
    handle: (request) => {
      const { store, urls } = request;
      const repo = visibleRepo(request);
      const body = bodyObject(request);
      rejectUnmodeled(body, UNMODELED_FIELDS);
      const issue = store.createIssue(actorLogin(request), repo, body);
      return { status: 201, body: issueJson(issue, repo, store, urls) };
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}",
    auth: "token",
    handle: (request) => {
      const { store, urls } = request;
      const repo = visibleRepo(request);
      const issue = store.issue(repo, numberParam(request, "issue_number"));
      return { status: 200, body: issueJson(issue, repo, store, urls) };
    },
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/issues/{issue_number}",
    auth: "token",
    handle: (request) => {
      const { store, urls } = request;
      const repo = visibleRepo(request);
      const body = bodyObject(request);
      rejectUnmodeled(body, UNMODELED_FIELDS);
      const issue = store.updateIssue(
        actorLogin(request),
        repo,
        numberParam(request, "issue_number"),
        body,
      );
      return { status: 200, body: issueJson(issue, repo, store, urls) };
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels",
    auth: "token",
    handle: (request) => {
      const { store, urls } = request;
      const repo = visibleRepo(request);
      const number = numberParam(request, "issue_number");
      const added = labelsOf(request.body);
      if (!Array.isArray(added)) invalid("labels");
      const current = store.issue(repo, number).labels;
      const issue = store.updateIssue(actorLogin(request), repo, number, {
        labels: [...current, ...added],
      });
      return { status: 200, body: issueLabels(issue, repo, store, urls) };
    },
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
    auth: "token",
    handle: (request) => {
      const { store, urls } = request;
      const repo = visibleRepo(request);
      const number = numberParam(request, "issue_number");
      const name = (request.params.name ?? "").toLowerCase();
      const current = store.issue(repo, number).labels;
      // GitHub answers 404 "Label does not exist" when the issue does not carry it.
      if (!current.some((label) => label.toLowerCase() === name))
        throw new HttpError(404, "Label does not exist");
      const issue = store.updateIssue(actorLogin(request), repo, number, {
        labels: current.filter((label) => label.toLowerCase() !== name),
      });
      return { status: 200, body: issueLabels(issue, repo, store, urls) };
    },
  },
];

function issueLabels(
  issue: IssueRecord,
  repo: RepoRecord,
  store: LocalStore,
  urls: RestRequest["urls"],
): Record<string, unknown>[] {
  return issue.labels.flatMap((name) => {
    const label = store.label(repo, name);
    return label ? [labelJson(label, repo, urls)] : [];
  });
}
