import type {
  AppRecord,
  CommentRecord,
  InstallationRecord,
  IssueRecord,
  LabelRecord,
  ReactionRecord,
  RepoRecord,
  Role,
  UserRecord,
} from "./records.js";
import type { StoreListener } from "./store-change.js";

/** A repository named `owner/name` (any case), or its record. */
export type RepoRef = string | RepoRecord;

/** How to make a store. */
export interface StoreOptions {
  /** The GitHub App the server stands in for; its bot user `<slug>[bot]` is created. */
  app?: Partial<Omit<AppRecord, "createdAt">>;
  /** The clock of every timestamp the store writes. Default: the real time. */
  now?: () => Date;
}

/** An issue put in the store as it already is (no rules, no webhook events). */
export interface SeedIssue {
  title: string;
  body?: string | null;
  labels?: string[];
  /** The author's login (created as a user when unknown). Default: the repository's owner. */
  user?: string;
  assignees?: string[];
  state?: "open" | "closed";
  stateReason?: IssueRecord["stateReason"];
  /** ISO 8601 times; default: now. `closedAt` defaults to `updatedAt` for a closed issue. */
  createdAt?: string;
  updatedAt?: string;
  closedAt?: string | null;
  /** A number of its own (the sequence continues after it); default: the next one. */
  number?: number;
  /** Makes this a sub-issue of that issue (same repository). */
  parent?: number;
}

/** The body of an issue create or update, as a client sends it (checked as GitHub checks it). */
export interface IssueWrite {
  title?: unknown;
  body?: unknown;
  state?: unknown;
  state_reason?: unknown;
  labels?: unknown;
  assignees?: unknown;
}

/**
 * The in-memory GitHub: repositories with their issues, comments, labels, files and
 * collaborators, the app, its installations and the users. Seeding (`add*`, `set*`) changes state
 * silently; the writes (`createIssue`, `updateIssue`, `createComment`, `updateComment`) apply
 * GitHub's rules (422, 404, 410 as `StoreError`) and tell subscribers what changed, which the server
 * turns into webhook events.
 */
export interface LocalStore {
  readonly app: AppRecord;
  /** The app's bot user, `<slug>[bot]`. */
  readonly bot: UserRecord;
  /** The current time as GitHub writes it (`2026-10-01T12:00:00Z`). */
  now(): string;

  addUser(input: { login: string; type?: UserRecord["type"]; name?: string | null }): UserRecord;
  addRepo(input: {
    owner: string;
    name: string;
    private?: boolean;
    description?: string | null;
    /** Whether the owner is an organization (default: a user). */
    ownerType?: "User" | "Organization";
  }): RepoRecord;
  /** Installs the app on an account: every repository of it (`all`, the default) or the named ones. */
  addInstallation(input: {
    account: string;
    id?: number;
    repositories?: "all" | string[];
  }): InstallationRecord;
  /** Sets a file's text on the default branch; null removes the file. */
  setFile(repo: RepoRef, path: string, text: string | null): void;
  /** Gives a user a role on the repository; null takes it away. */
  setCollaborator(repo: RepoRef, login: string, role: Role | null): void;
  addLabel(
    repo: RepoRef,
    input: { name: string; color?: string; description?: string | null },
  ): LabelRecord;
  addIssue(repo: RepoRef, input: SeedIssue): IssueRecord;
  addPullRequest(
    repo: RepoRef,
    input: SeedIssue & { merged?: boolean; mergedAt?: string | null },
  ): IssueRecord;
  addComment(
    repo: RepoRef,
    issueNumber: number,
    input: { body: string; user?: string; createdAt?: string },
  ): CommentRecord;
  /** Makes `child` a sub-issue of `parent`, or a top-level issue again with null. */
  setParent(repo: RepoRef, child: number, parent: number | null): void;
  /** Deletes an issue: it answers 410 Gone from then on. */
  deleteIssue(repo: RepoRef, issueNumber: number): void;

  user(login: string): UserRecord | undefined;
  /** The repository, or a 404 `StoreError`. */
  repo(ref: RepoRef): RepoRecord;
  findRepo(fullName: string): RepoRecord | undefined;
  repoById(id: number): RepoRecord | undefined;
  repos(): RepoRecord[];
  installations(): InstallationRecord[];
  installation(id: number): InstallationRecord | undefined;
  /** The installation that covers the repository, if any. */
  installationFor(repo: RepoRef): InstallationRecord | undefined;
  installationRepos(installation: InstallationRecord): RepoRecord[];
  /** The issue (or pull request), a 404 or a 410 `StoreError`. */
  issue(repo: RepoRef, issueNumber: number): IssueRecord;
  /** Every issue and pull request of the repository, deleted ones left out, by number. */
  issues(repo: RepoRef): IssueRecord[];
  /** The comments of an issue, oldest first. */
  comments(repo: RepoRef, issueNumber: number): CommentRecord[];
  comment(repo: RepoRef, commentId: number): CommentRecord;
  labels(repo: RepoRef): LabelRecord[];
  label(repo: RepoRef, name: string): LabelRecord | undefined;
  file(repo: RepoRef, path: string): string | undefined;
  /** The user's role on the repository, or null when they are no collaborator. */
  role(repo: RepoRef, login: string): Role | null;
  /** GitHub's `sub_issues_summary`: sub-issues and how many of them are closed. */
  subIssues(repo: RepoRef, issueNumber: number): { total: number; completed: number };

  createIssue(actor: string, repo: RepoRef, input: IssueWrite): IssueRecord;
  updateIssue(actor: string, repo: RepoRef, issueNumber: number, input: IssueWrite): IssueRecord;
  createComment(actor: string, repo: RepoRef, issueNumber: number, body: unknown): CommentRecord;
  updateComment(actor: string, repo: RepoRef, commentId: number, body: unknown): CommentRecord;
  /**
   * Reacts to a comment as `actor`; `created` is false when that person had already reacted with
   * that content (GitHub then answers 200 with the existing reaction). 422 for an unknown content.
   */
  reactToComment(
    actor: string,
    repo: RepoRef,
    commentId: number,
    content: unknown,
  ): { reaction: ReactionRecord; created: boolean };
  /** Deletes a comment; 404 when there is none of that id. */
  deleteComment(actor: string, repo: RepoRef, commentId: number): void;
  /** Creates a label; 422 when one of that name (any case) exists or the input is invalid. */
  createLabel(
    repo: RepoRef,
    input: { name?: unknown; color?: unknown; description?: unknown },
  ): LabelRecord;

  /** Hears every change the writes make; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void;
}
