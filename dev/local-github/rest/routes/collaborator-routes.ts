import { userJson } from "../../representations/user-json.js";
import type { Role } from "../../store/records.js";
import { notFound } from "../../store/store-error.js";
import { visibleRepo } from "../request-helpers.js";
import type { Route } from "../route.js";

/** `permission` is the legacy field: it maps maintain to write and triage to read. */
const LEGACY_PERMISSION: Record<Role | "none", string> = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
  none: "none",
};

/**
 * `GET /repos/{owner}/{repo}/collaborators/{username}/permission`: the user's role (`role_name`)
 * and legacy `permission`. Someone who is no collaborator can read a public repository (`read`)
 * and nothing of a private one (`none`); an unknown user is 404.
 */
export const COLLABORATOR_ROUTES: Route[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/collaborators/{username}/permission",
    auth: "token",
    handle: (request) => {
      const repo = visibleRepo(request);
      const user = request.store.user(request.params.username ?? "");
      if (!user) throw notFound();
      const role = request.store.role(repo, user.login) ?? (repo.private ? "none" : "read");
      const at = (roles: readonly string[]) => roles.includes(role);
      return {
        status: 200,
        body: {
          permission: LEGACY_PERMISSION[role],
          role_name: role,
          user: {
            ...userJson(user, request.urls),
            permissions: {
              admin: at(["admin"]),
              maintain: at(["admin", "maintain"]),
              push: at(["admin", "maintain", "write"]),
              triage: at(["admin", "maintain", "write", "triage"]),
              pull: at(["admin", "maintain", "write", "triage", "read"]),
            },
            role_name: role,
          },
        },
      };
    },
  },
];
