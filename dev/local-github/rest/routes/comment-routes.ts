import { commentJson } from "../../representations/comment-json.js";
import { reactionJson } from "../../representations/reactions-json.js";
import { validationFailed } from "../../store/store-error.js";
import { paginate } from "../paginate.js";
import {
  actorLogin,
  bodyObject,
  numberParam,
  repositoryLinkBase,
  visibleRepo,
} from "../request-helpers.js";
import type { Route } from "../route.js";

/** Issue comments: list (since, `Link` pagination), create, update, react. */
export const COMMENT_ROUTES: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    auth: "token",
    handle: (request) => {
      const { store, urls, query } = request;
      const repo = visibleRepo(request);
      const number = numberParam(request, "issue_number");
      const since = query.get("since");
      const sinceTime = since === null ? null : Date.parse(since);
      if (sinceTime !== null && Number.isNaN(sinceTime))
        throw validationFailed({ resource: "IssueComment", field: "since", code: "invalid" });
      const comments = store
        .comments(repo, number)
        .filter((comment) => sinceTime === null || Date.parse(comment.updatedAt) >= sinceTime)
        .map((comment) => commentJson(comment, repo, store, urls));
      const base = `${repositoryLinkBase(request, repo)}/issues/${number}/comments`;
      const { page, headers } = paginate(comments, query, base);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    auth: "token",
    handle: (request) => {
      const { store, urls } = request;
      const repo = visibleRepo(request);
      const comment = store.createComment(
        actorLogin(request),
        repo,
        numberParam(request, "issue_number"),
        bodyObject(request).body,
      );
      return { status: 201, body: commentJson(comment, repo, store, urls) };
    },
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    auth: "token",
    handle: (request) => {
      const { store, urls } = request;
      const repo = visibleRepo(request);
      const comment = store.updateComment(
        actorLogin(request),
        repo,
        numberParam(request, "comment_id"),
        bodyObject(request).body,
      );
      return { status: 200, body: commentJson(comment, repo, store, urls) };
    },
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    auth: "token",
    handle: (request) => {
      const repo = visibleRepo(request);
      request.store.deleteComment(actorLogin(request), repo, numberParam(request, "comment_id"));
      return { status: 204 };
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
    auth: "token",
    handle: (request) => {
      const { store, urls } = request;
      const repo = visibleRepo(request);
      const { reaction, created } = store.reactToComment(
        actorLogin(request),
        repo,
        numberParam(request, "comment_id"),
        bodyObject(request).content,
      );
      return { status: created ? 201 : 200, body: reactionJson(reaction, store, urls) };
    },
  },
];
