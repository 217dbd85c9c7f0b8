import { randomUUID } from "node:crypto";
import { commentJson } from "../representations/comment-json.js";
import { issueJson } from "../representations/issue-json.js";
import { labelJson } from "../representations/label-json.js";
import { organizationJson } from "../representations/organization-json.js";
import { repoJson } from "../representations/repo-json.js";
import type { Urls } from "../representations/urls.js";
import { userJson } from "../representations/user-json.js";
import type { LocalStore } from "../store/local-store.js";
import type { StoreChange } from "../store/store-change.js";

/** A webhook delivery GitHub would send: the `X-GitHub-Event` name, the action and the payload. */
export interface WebhookEvent {
  /** The delivery id (`X-GitHub-Delivery`), a fresh GUID for each event. */
  id: string;
  /** `issues` or `issue_comment`. */
  name: "issues" | "issue_comment";
  action: string;
  /** `issues.opened`, `issue_comment.created`, … */
  event: string;
  payload: Record<string, unknown>;
}

const ISSUE_ACTIONS = {
  "issue-opened": "opened",
  "issue-edited": "edited",
  "issue-labeled": "labeled",
  "issue-unlabeled": "unlabeled",
  "issue-closed": "closed",
  "issue-reopened": "reopened",
} as const;

/**
 * The webhook event GitHub would send for a change, built from the store as it is now (a deep
 * copy, so later writes do not alter it). `sender` is whoever made the change: the app's bot
 * (`<slug>[bot]`, type Bot) for a write made with an installation token.
 */
export function webhookEvent(change: StoreChange, store: LocalStore, urls: Urls): WebhookEvent {
  const { repo, issue, actor } = change;
  const installation = store.installationFor(repo);
  const owner = store.user(repo.owner);
  const common = {
    issue: issueJson(issue, repo, store, urls),
    repository: repoJson(repo, store, urls),
    sender: userJson(actor, urls),
    ...(owner?.type === "Organization" ? { organization: organizationJson(owner, urls) } : {}),
    ...(installation
      ? {
          installation: {
            id: installation.id,
            node_id: Buffer.from(`023:IntegrationInstallation${installation.id}`).toString(
              "base64",
            ),
          },
        }
      : {}),
  };
  if (change.kind === "comment-created" || change.kind === "comment-edited") {
    const action = change.kind === "comment-created" ? "created" : "edited";
    const payload = {
      action,
      ...(change.kind === "comment-edited" ? { changes: change.changes } : {}),
      ...common,
      comment: commentJson(change.comment, repo, store, urls),
    };
    return event("issue_comment", action, payload);
  }
  const action = ISSUE_ACTIONS[change.kind];
  const payload = {
    action,
    ...(change.kind === "issue-edited" ? { changes: change.changes } : {}),
    ...common,
    ...(change.kind === "issue-labeled" || change.kind === "issue-unlabeled"
      ? { label: labelJson(change.label, repo, urls) }
      : {}),
  };
  return event("issues", action, payload);
}

function event(
  name: WebhookEvent["name"],
  action: string,
  payload: Record<string, unknown>,
): WebhookEvent {
  return {
    id: randomUUID(),
    name,
    action,
    event: `${name}.${action}`,
    payload: structuredClone(payload),
  };
}
