import { appJson, installationJson } from "../../representations/app-json.js";
import { repoJson } from "../../representations/repo-json.js";
import { notFound } from "../../store/store-error.js";
import { unauthorized } from "../http-error.js";
import { paginate } from "../paginate.js";
import type { Route } from "../route.js";

/** The app's own endpoints (JWT) and the installation's repository list (installation token). */
export const APP_ROUTES: Route[] = [
  {
    method: "GET",
    path: "/app",
    auth: "app",
    handle: ({ store, urls }) => ({ status: 200, body: appJson(store, urls) }),
  },
  {
    method: "GET",
    path: "/app/installations",
    auth: "app",
    handle: ({ store, urls, query }) => {
      const all = store.installations().map((record) => installationJson(record, store, urls));
      const { page, headers } = paginate(all, query, `${urls.api}/app/installations`);
      return { status: 200, body: page, headers };
    },
  },
  {
    method: "POST",
    path: "/app/installations/{installation_id}/access_tokens",
    auth: "app",
    handle: ({ store, tokens, urls, params }) => {
      const installation = store.installation(Number(params.installation_id));
      if (!installation) throw notFound();
      const issued = tokens.issue(installation.id);
      return {
        status: 201,
        body: {
          token: issued.token,
          expires_at: issued.expiresAt,
          permissions: installation.permissions,
          repository_selection: installation.repositories === "all" ? "all" : "selected",
          ...(installation.repositories === "all"
            ? {}
            : {
                repositories: store
                  .installationRepos(installation)
                  .map((repo) => repoJson(repo, store, urls)),
              }),
        },
      };
    },
  },
  {
    method: "GET",
    path: "/installation/repositories",
    auth: "installation",
    handle: ({ store, urls, query, caller }) => {
      if (caller.kind !== "installation") throw unauthorized();
      const repos = store
        .installationRepos(caller.installation)
        .map((repo) => repoJson(repo, store, urls));
      const { page, headers } = paginate(repos, query, `${urls.api}/installation/repositories`);
      return {
        status: 200,
        body: {
          total_count: repos.length,
          repository_selection: caller.installation.repositories === "all" ? "all" : "selected",
          repositories: page,
        },
        headers,
      };
    },
  },
];
