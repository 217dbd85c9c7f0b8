import type { CommentRecord, IssueRecord, LabelRecord, RepoRecord, UserRecord } from "./records.js";

/**
 * Something a write did that GitHub would tell the app about with a webhook. Seeding the store
 * makes none; the writes (`createIssue`, `updateIssue`, `createComment`, `updateComment`) do.
 * Each is reported after the whole write is done, so the records show the state after it.
 */
export type StoreChange =
  | { kind: "issue-opened"; repo: RepoRecord; issue: IssueRecord; actor: UserRecord }
  | {
      kind: "issue-edited";
      repo: RepoRecord;
      issue: IssueRecord;
      actor: UserRecord;
      changes: { title?: { from: string }; body?: { from: string } };
    }
  | {
      kind: "issue-labeled" | "issue-unlabeled";
      repo: RepoRecord;
      issue: IssueRecord;
      actor: UserRecord;
      label: LabelRecord;
    }
  | {
      kind: "issue-closed" | "issue-reopened";
      repo: RepoRecord;
      issue: IssueRecord;
      actor: UserRecord;
    }
  | {
      kind: "comment-created";
      repo: RepoRecord;
      issue: IssueRecord;
      comment: CommentRecord;
      actor: UserRecord;
    }
  | {
      kind: "comment-edited";
      repo: RepoRecord;
      issue: IssueRecord;
      comment: CommentRecord;
      actor: UserRecord;
      changes: { body: { from: string } };
    };

/** Hears every change a write made. */
export type StoreListener = (change: StoreChange) => void;
