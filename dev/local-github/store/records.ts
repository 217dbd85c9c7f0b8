/** A repository role, as GitHub names them (`role_name`). */
export type Role = "admin" | "maintain" | "write" | "triage" | "read";

/** Someone who can act on GitHub: a person, an organization (an owner) or an app's bot. */
export interface UserRecord {
  id: number;
  login: string;
  type: "User" | "Organization" | "Bot";
  name: string | null;
}

/** A label of a repository. Names compare case-insensitively, as on GitHub. */
export interface LabelRecord {
  id: number;
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  description: string | null;
  default: boolean;
}

/** What makes an issue a pull request (GitHub numbers both in one sequence). */
interface PullRequestRecord {
  merged: boolean;
  mergedAt: string | null;
}

/**
 * Something that happened to an issue that its timeline shows (GraphQL `timelineItems`): the
 * writes record them (`createIssue`, `updateIssue`), seeding records none.
 */
export interface IssueEventRecord {
  /** Unique across the store, in the order the events happened. */
  id: number;
  kind: "labeled" | "unlabeled" | "closed" | "reopened";
  /** Who did it (a login). */
  actor: string;
  createdAt: string;
  /** The label's name as it was then, for `labeled` and `unlabeled`. */
  label: string | null;
  /** The reason of a close (`closed` only). */
  stateReason: IssueRecord["stateReason"];
}

/** An issue or a pull request. `labels` holds label names as the repository spells them. */
export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "duplicate" | "reopened" | null;
  labels: string[];
  /** The author's login. */
  user: string;
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  locked: boolean;
  /** Deleted issues answer 410 Gone. */
  deleted: boolean;
  /** The parent issue's number when this is a sub-issue (same repository). */
  parent: number | null;
  pullRequest: PullRequestRecord | null;
  /** The issue's timeline events, oldest first. */
  events: IssueEventRecord[];
}

/** The reactions GitHub offers. */
export const REACTION_CONTENTS = [
  "+1",
  "-1",
  "laugh",
  "confused",
  "heart",
  "hooray",
  "rocket",
  "eyes",
] as const;
export type ReactionContent = (typeof REACTION_CONTENTS)[number];

/** A reaction to a comment: one per person and content, as on GitHub. */
export interface ReactionRecord {
  id: number;
  content: ReactionContent;
  user: string;
  createdAt: string;
}

/** A comment on an issue. Ids are unique across the store, as on GitHub. */
export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
  reactions: ReactionRecord[];
}

/** A repository and everything in it. */
export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  description: string | null;
  createdAt: string;
  defaultBranch: string;
  /** By lower-cased name. */
  labels: Map<string, LabelRecord>;
  /** By number; issues and pull requests share the numbers. */
  issues: Map<number, IssueRecord>;
  /** By id. */
  comments: Map<number, CommentRecord>;
  /** File text by path (no leading slash), on the default branch. */
  files: Map<string, string>;
  /** Role by lower-cased login. */
  collaborators: Map<string, Role>;
  nextNumber: number;
}

/** An installation of the app on an account. */
export interface InstallationRecord {
  id: number;
  /** The account's login. */
  account: string;
  /** `all` (every repository of the account) or the full names (`owner/name`) selected. */
  repositories: "all" | string[];
  permissions: Record<string, "read" | "write" | "admin">;
  createdAt: string;
}

/** The GitHub App the server stands in for. */
export interface AppRecord {
  id: number;
  slug: string;
  name: string;
  /** The owner's login. */
  owner: string;
  clientId: string;
  permissions: Record<string, "read" | "write" | "admin">;
  events: string[];
  createdAt: string;
}
