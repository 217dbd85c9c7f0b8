import type { Octokit } from "@octokit/rest";

/**
 * Who may do what the slash commands offer. Read from GitHub (`role_name`), never from the
 * comment: `permission` maps maintain to write and triage to read; `role_name` is the real role.
 * https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user
 */
const ROLES = {
  /** `/disruption report`: publish or refresh the analytics issue. */
  publish: new Set(["admin", "maintain", "write"]),
  /** `/disruption timeline`, `mitigated`, `severity`, `declare` …: record the disruption in the report. */
  record: new Set(["admin", "maintain", "write"]),
  /** `/disruption close`: close a report whatever its action items say. */
  override: new Set(["admin", "maintain"]),
  /** `/disruption track`: create issues for a report's action items. */
  track: new Set(["admin", "maintain", "write", "triage"]),
  /** `/disruption summary`: post the report's external summary. */
  summary: new Set(["admin", "maintain", "write", "triage"]),
} as const;

export type RoleAction = keyof typeof ROLES;

/** The person's role on the repository and whether it allows the action. */
export async function checkRole(
  octokit: Pick<Octokit, "rest">,
  repository: { owner: string; repo: string },
  login: string,
  action: RoleAction,
): Promise<{ allowed: boolean; role: string }> {
  const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
    ...repository,
    username: login,
  });
  return { allowed: ROLES[action].has(data.role_name), role: data.role_name };
}
