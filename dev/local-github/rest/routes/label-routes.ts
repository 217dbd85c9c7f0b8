import { labelJson } from "../../representations/label-json.js";
import { paginate } from "../paginate.js";
import { bodyObject, repositoryLinkBase, visibleRepo } from "../request-helpers.js";
import type { Route } from "../route.js";

/** A repository's labels: list (paginated), get one, create (422 when it exists). */
export const LABEL_ROUTES: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/labels",
    auth: "token",
    handle: (request) => {
      const repo = visibleRepo(request);
      const labels = request.store
        .labels(repo)
        .map((label) => labelJson(label, repo, request.urls));
      const base = `${repositoryLinkBase(request, repo)}/labels`;
      const { page, headers } = paginate(labels, request.query, base);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/labels",
    auth: "token",
    handle: (request) => {
      const repo = visibleRepo(request);
      const body = bodyObject(request);
      const label = request.store.createLabel(repo, {
        name: body.name,
        color: body.color,
        description: body.description,
      });
      return { status: 201, body: labelJson(label, repo, request.urls) };
    },
  },
];
