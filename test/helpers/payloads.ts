import { createRequire } from "node:module";
import type { WebhookDefinition } from "@octokit/webhooks-examples";
import type { Context } from "probot";

// The package's main is JSON typed as CommonJS; createRequire reads it under NodeNext.
const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as WebhookDefinition[];

type Example = { action?: string; changes?: { old_issue?: unknown } };

/** A deep copy of the real example payload from @octokit/webhooks-examples. */
function example(name: string, action: string): Record<string, unknown> {
  const examples = (definitions.find((d) => d.name === name)?.examples ??
    []) as unknown as Example[];
  const found = examples.find((e) => e.action === action && !e.changes?.old_issue);
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${name}.${action}`);
  return structuredClone(found) as Record<string, unknown>;
}

export const OWNER = "Codertocat";
export const REPO = "Hello-World";
export const BOT_LOGIN = "disruption-reports[bot]";
const INSTALLATION = 1;

export interface IssueOptions {
  body?: string | null;
  labels?: string[];
  comments?: number;
  number?: number;
  title?: string;
  state?: "open" | "closed";
  stateReason?: string | null;
  subIssues?: { total: number; completed: number } | null;
  sender?: { login: string; type: "User" | "Bot" };
}

function issueFields(payload: Record<string, unknown>, options: IssueOptions): void {
  const issue = payload.issue as Record<string, unknown>;
  if (options.body !== undefined) issue.body = options.body;
  if (options.labels) {
    issue.labels = options.labels.map((name, index) => ({
      id: 1000 + index,
      node_id: `LA_${index}`,
      url: `https://api.github.com/repos/${OWNER}/${REPO}/labels/${encodeURIComponent(name)}`,
      name,
      color: "ededed",
      default: false,
      description: null,
    }));
  }
  if (options.comments !== undefined) issue.comments = options.comments;
  if (options.number !== undefined) issue.number = options.number;
  if (options.title !== undefined) issue.title = options.title;
  if (options.state !== undefined) issue.state = options.state;
  if (options.stateReason !== undefined) issue.state_reason = options.stateReason;
  if (options.subIssues !== undefined) {
    issue.sub_issues_summary = options.subIssues
      ? {
          ...options.subIssues,
          percent_completed: Math.round(
            (options.subIssues.completed / Math.max(1, options.subIssues.total)) * 100,
          ),
        }
      : undefined;
  }
  if (options.sender) {
    payload.sender = {
      ...(payload.sender as Record<string, unknown>),
      login: options.sender.login,
      type: options.sender.type,
    };
  }
  payload.installation = { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
}

export function issueOpened(options: IssueOptions = {}): Context<"issues.opened">["payload"] {
  const payload = example("issues", "opened");
  issueFields(payload, { comments: 0, ...options });
  return payload as unknown as Context<"issues.opened">["payload"];
}

export function issueEdited(
  options: IssueOptions & { previousBody?: string } = {},
): Context<"issues.edited">["payload"] {
  const payload = example("issues", "edited");
  issueFields(payload, options);
  payload.changes =
    options.previousBody === undefined
      ? { title: { from: "Old title" } }
      : { body: { from: options.previousBody } };
  return payload as unknown as Context<"issues.edited">["payload"];
}

/**
 * A label added to an existing issue; with `atCreation`, one of the `labeled` events GitHub sends
 * right after `opened` for the labels an issue was created with (its `updated_at` is its `created_at`).
 */
export function issueLabeled(
  options: IssueOptions & { label: string; atCreation?: boolean },
): Context<"issues.labeled">["payload"] {
  const payload = example("issues", "labeled");
  issueFields(payload, options);
  const issue = payload.issue as Record<string, unknown>;
  issue.updated_at = options.atCreation ? issue.created_at : "2019-05-16T09:00:00Z";
  payload.label = {
    id: 99,
    node_id: "LA_99",
    url: "",
    name: options.label,
    color: "ededed",
    default: false,
    description: null,
  };
  return payload as unknown as Context<"issues.labeled">["payload"];
}

/** webhooks-examples has no issues.closed; it is the reopened example with the close applied. */
export function issueClosed(options: IssueOptions = {}): Context<"issues.closed">["payload"] {
  const payload = example("issues", "reopened");
  payload.action = "closed";
  const issue = payload.issue as Record<string, unknown>;
  issue.state = "closed";
  issue.state_reason = "completed";
  issue.closed_at = issue.updated_at;
  issueFields(payload, options);
  return payload as unknown as Context<"issues.closed">["payload"];
}

export function issueReopened(options: IssueOptions = {}): Context<"issues.reopened">["payload"] {
  const payload = example("issues", "reopened");
  issueFields(payload, options);
  return payload as unknown as Context<"issues.reopened">["payload"];
}

export function commentCreated(
  options: IssueOptions & { comment: string; commenter?: string },
): Context<"issue_comment.created">["payload"] {
  const payload = example("issue_comment", "created");
  issueFields(payload, options);
  const comment = payload.comment as Record<string, unknown>;
  comment.body = options.comment;
  const login = options.commenter ?? "octocat";
  comment.user = { ...(comment.user as Record<string, unknown>), login, type: "User" };
  payload.sender = { ...(payload.sender as Record<string, unknown>), login, type: "User" };
  return payload as unknown as Context<"issue_comment.created">["payload"];
}
