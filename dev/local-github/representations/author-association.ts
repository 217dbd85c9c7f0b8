import type { LocalStore } from "../store/local-store.js";
import type { RepoRecord } from "../store/records.js";

/** GitHub's `author_association` of a user with a repository (owner, collaborator or none). */
export function authorAssociation(
  store: LocalStore,
  repo: RepoRecord,
  login: string,
): "OWNER" | "COLLABORATOR" | "NONE" {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return "OWNER";
  return store.role(repo, login) ? "COLLABORATOR" : "NONE";
}
