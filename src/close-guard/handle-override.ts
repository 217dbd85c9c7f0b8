import type { Context } from "probot";

/** The roles that may close a report whatever its action items say. */
const OVERRIDE_ROLES = new Set(["admin", "maintain"]);

/**
 * `/disruption close <reason>`: a maintainer or admin closes the report and the close stands
 * (the app's own close causes nothing when it comes back). The permission is read from GitHub,
 * never from the comment.
 */
export async function handleCloseOverride(
  context: Context<"issue_comment.created">,
  reason: string,
): Promise<void> {
  const { payload } = context;
  const login = payload.comment.user?.login ?? payload.sender.login;
  const { data } = await context.octokit.rest.repos.getCollaboratorPermissionLevel(
    context.repo({ username: login }),
  );
  // `permission` maps maintain to write and triage to read; `role_name` is the real role.
  const role = data.role_name;
  if (!OVERRIDE_ROLES.has(role)) {
    await context.octokit.rest.issues.createComment(
      context.issue({
        body: `@${login} only people with the maintain or admin role on this repository can close a report with open follow-up (your role: ${role}). Finish or strike through the open items, or ask a maintainer.`,
      }),
    );
    return;
  }
  await context.octokit.rest.issues.createComment(
    context.issue({
      body: `Closed by @${login} with the close guard overridden.\n\n> ${reason.replace(/\n/g, "\n> ")}`,
    }),
  );
  if (payload.issue.state !== "closed") {
    await context.octokit.rest.issues.update(
      context.issue({ state: "closed", state_reason: "completed" }),
    );
  }
}
