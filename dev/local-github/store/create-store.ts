import {
  checkBody,
  checkLabelColor,
  checkLabelDescription,
  checkLabelName,
  checkTitle,
  DEFAULT_LABEL_COLOR,
} from "./github-limits.js";
import { recordIssueEvents } from "./issue-events.js";
import { applyIssueUpdate, readIssueUpdate } from "./issue-update.js";
import type { LocalStore, RepoRef, SeedIssue, StoreOptions } from "./local-store.js";
import {
  type AppRecord,
  type CommentRecord,
  type InstallationRecord,
  type IssueRecord,
  type LabelRecord,
  REACTION_CONTENTS,
  type ReactionContent,
  type RepoRecord,
  type Role,
  type UserRecord,
} from "./records.js";
import { labelOf } from "./repo-labels.js";
import type { StoreChange, StoreListener } from "./store-change.js";
import { issueGone, notFound, validationFailed } from "./store-error.js";

/** GitHub's timestamp form: ISO 8601 in UTC, whole seconds. */
function githubTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Creates an empty store with the app (and its bot user) in it. */
export function createStore(options: StoreOptions = {}): LocalStore {
  const clock = options.now ?? (() => new Date());
  const now = () => githubTime(clock());
  const users = new Map<string, UserRecord>();
  const repos = new Map<string, RepoRecord>();
  const installations = new Map<number, InstallationRecord>();
  const listeners = new Set<StoreListener>();
  const ids = {
    user: 1000,
    repo: 100_000,
    issue: 200_000,
    comment: 300_000,
    label: 400_000,
    reaction: 500_000,
    event: 600_000,
  };
  const next = (kind: keyof typeof ids) => {
    ids[kind] += 1;
    return ids[kind];
  };

  const app: AppRecord = {
    id: options.app?.id ?? 1,
    slug: options.app?.slug ?? "disruption-reports",
    name: options.app?.name ?? "Disruption Reports",
    owner: options.app?.owner ?? "disruption-reports-dev",
    clientId: options.app?.clientId ?? "Iv1.0000000000000001",
    permissions: options.app?.permissions ?? {
      issues: "write",
      metadata: "read",
      contents: "read",
    },
    events: options.app?.events ?? ["issues", "issue_comment"],
    createdAt: now(),
  };

  function addUser(input: {
    login: string;
    type?: UserRecord["type"];
    name?: string | null;
  }): UserRecord {
    const existing = users.get(input.login.toLowerCase());
    if (existing) return existing;
    const user: UserRecord = {
      id: next("user"),
      login: input.login,
      type: input.type ?? "User",
      name: input.name ?? null,
    };
    users.set(input.login.toLowerCase(), user);
    return user;
  }

  const bot = addUser({ login: `${app.slug}[bot]`, type: "Bot" });
  addUser({ login: app.owner, type: "Organization" });

  function repo(ref: RepoRef): RepoRecord {
    if (typeof ref !== "string") return ref;
    const found = repos.get(ref.toLowerCase());
    if (!found) throw notFound();
    return found;
  }

  function issue(ref: RepoRef, issueNumber: number): IssueRecord {
    const found = repo(ref).issues.get(issueNumber);
    if (!found) throw notFound();
    if (found.deleted) throw issueGone();
    return found;
  }

  function emit(changes: StoreChange[]): void {
    for (const change of changes) for (const listener of [...listeners]) listener(change);
  }

  const labelFor = (target: RepoRecord, name: string): LabelRecord =>
    labelOf(target, name, () => next("label"));

  function seedIssue(
    ref: RepoRef,
    input: SeedIssue,
    pullRequest: IssueRecord["pullRequest"],
  ): IssueRecord {
    const target = repo(ref);
    const number = input.number ?? target.nextNumber;
    if (target.issues.has(number)) throw new Error(`${target.name}#${number} exists already`);
    target.nextNumber = Math.max(target.nextNumber, number + 1);
    const createdAt = input.createdAt ?? now();
    const updatedAt = input.updatedAt ?? createdAt;
    const state = input.state ?? "open";
    const record: IssueRecord = {
      id: next("issue"),
      number,
      title: input.title,
      body: input.body ?? null,
      state,
      stateReason: input.stateReason ?? (state === "closed" ? "completed" : null),
      labels: (input.labels ?? []).map((name) => labelFor(target, name).name),
      user: addUser({ login: input.user ?? target.owner }).login,
      assignees: (input.assignees ?? []).map((login) => addUser({ login }).login),
      createdAt,
      updatedAt,
      closedAt: state === "closed" ? (input.closedAt ?? updatedAt) : null,
      closedBy: null,
      locked: false,
      deleted: false,
      parent: input.parent ?? null,
      pullRequest,
      events: [],
    };
    if (record.parent !== null) issue(target, record.parent);
    target.issues.set(number, record);
    return record;
  }

  function role(ref: RepoRef, login: string): Role | null {
    const target = repo(ref);
    if (login.toLowerCase() === target.owner.toLowerCase()) return "admin";
    return target.collaborators.get(login.toLowerCase()) ?? null;
  }

  function installationFor(ref: RepoRef): InstallationRecord | undefined {
    const target = repo(ref);
    const fullName = `${target.owner}/${target.name}`.toLowerCase();
    return [...installations.values()].find(
      (installation) =>
        installation.account.toLowerCase() === target.owner.toLowerCase() &&
        (installation.repositories === "all" ||
          installation.repositories.some((name) => name.toLowerCase() === fullName)),
    );
  }

  return {
    app,
    bot,
    now,
    addUser,

    addRepo(input) {
      const key = `${input.owner}/${input.name}`.toLowerCase();
      const existing = repos.get(key);
      if (existing) return existing;
      addUser({ login: input.owner, type: input.ownerType ?? "User" });
      const record: RepoRecord = {
        id: next("repo"),
        owner: input.owner,
        name: input.name,
        private: input.private ?? false,
        description: input.description ?? null,
        createdAt: now(),
        defaultBranch: "main",
        labels: new Map(),
        issues: new Map(),
        comments: new Map(),
        files: new Map(),
        collaborators: new Map(),
        nextNumber: 1,
      };
      repos.set(key, record);
      return record;
    },

    addInstallation(input) {
      const id = input.id ?? 10_000 + installations.size + 1;
      const record: InstallationRecord = {
        id,
        account: addUser({ login: input.account }).login,
        repositories: input.repositories ?? "all",
        permissions: { ...app.permissions },
        createdAt: now(),
      };
      installations.set(id, record);
      return record;
    },

    setFile(ref, path, text) {
      const target = repo(ref);
      const key = path.replace(/^\/+/, "");
      if (text === null) target.files.delete(key);
      else target.files.set(key, text);
    },

    setCollaborator(ref, login, newRole) {
      const target = repo(ref);
      addUser({ login });
      if (newRole === null) target.collaborators.delete(login.toLowerCase());
      else target.collaborators.set(login.toLowerCase(), newRole);
    },

    addLabel(ref, input) {
      const target = repo(ref);
      const label = labelFor(target, input.name);
      if (input.color !== undefined) label.color = checkLabelColor(input.color);
      if (input.description !== undefined)
        label.description = checkLabelDescription(input.description);
      return label;
    },

    addIssue(ref, input) {
      return seedIssue(ref, input, null);
    },

    addPullRequest(ref, input) {
      const merged = input.merged ?? false;
      const record = seedIssue(ref, input, {
        merged,
        mergedAt: merged ? (input.mergedAt ?? input.closedAt ?? now()) : null,
      });
      if (merged) {
        record.state = "closed";
        record.closedAt ??= record.pullRequest?.mergedAt ?? now();
      }
      record.stateReason = null;
      return record;
    },

    addComment(ref, issueNumber, input) {
      const target = repo(ref);
      issue(target, issueNumber);
      const createdAt = input.createdAt ?? now();
      const record: CommentRecord = {
        id: next("comment"),
        issueNumber,
        body: input.body,
        user: addUser({ login: input.user ?? target.owner }).login,
        createdAt,
        updatedAt: createdAt,
        reactions: [],
      };
      target.comments.set(record.id, record);
      return record;
    },

    setParent(ref, child, parent) {
      const target = repo(ref);
      const record = issue(target, child);
      if (parent !== null) issue(target, parent);
      record.parent = parent;
    },

    deleteIssue(ref, issueNumber) {
      issue(ref, issueNumber).deleted = true;
    },

    user(login) {
      return users.get(login.toLowerCase());
    },

    repo,

    findRepo(fullName) {
      return repos.get(fullName.toLowerCase());
    },

    repoById(id) {
      return [...repos.values()].find((record) => record.id === id);
    },

    repos() {
      return [...repos.values()];
    },

    installations() {
      return [...installations.values()];
    },

    installation(id) {
      return installations.get(id);
    },

    installationFor,

    installationRepos(installation) {
      return [...repos.values()].filter(
        (record) => installationFor(record)?.id === installation.id,
      );
    },

    issue,

    issues(ref) {
      return [...repo(ref).issues.values()]
        .filter((record) => !record.deleted)
        .sort((a, b) => a.number - b.number);
    },

    comments(ref, issueNumber) {
      const target = repo(ref);
      issue(target, issueNumber);
      return [...target.comments.values()]
        .filter((comment) => comment.issueNumber === issueNumber)
        .sort((a, b) => a.id - b.id);
    },

    comment(ref, commentId) {
      const found = repo(ref).comments.get(commentId);
      if (!found) throw notFound();
      return found;
    },

    labels(ref) {
      return [...repo(ref).labels.values()].sort((a, b) => a.id - b.id);
    },

    label(ref, name) {
      return repo(ref).labels.get(name.toLowerCase());
    },

    file(ref, path) {
      return repo(ref).files.get(path.replace(/^\/+/, ""));
    },

    role,

    subIssues(ref, issueNumber) {
      const children = [...repo(ref).issues.values()].filter(
        (record) => record.parent === issueNumber && !record.deleted,
      );
      return {
        total: children.length,
        completed: children.filter((record) => record.state === "closed").length,
      };
    },

    createIssue(actor, ref, input) {
      const target = repo(ref);
      const title = checkTitle(input.title);
      const checked = readIssueUpdate(target, {
        body: input.body,
        labels: input.labels,
        assignees: input.assignees,
      });
      const user = addUser({ login: actor });
      const record = seedIssue(
        target,
        {
          title,
          body: checked.body ?? null,
          labels: checked.labels ?? [],
          assignees: checked.assignees ?? [],
          user: user.login,
        },
        null,
      );
      const changes: StoreChange[] = [
        { kind: "issue-opened", repo: target, issue: record, actor: user },
        ...record.labels.map((name) => ({
          kind: "issue-labeled" as const,
          repo: target,
          issue: record,
          actor: user,
          label: labelFor(target, name),
        })),
      ];
      recordIssueEvents(changes, record.createdAt, () => next("event"));
      emit(changes);
      return record;
    },

    updateIssue(actor, ref, issueNumber, input) {
      const target = repo(ref);
      const record = issue(target, issueNumber);
      const update = readIssueUpdate(target, input);
      const at = now();
      const changes = applyIssueUpdate(target, record, update, {
        actor: addUser({ login: actor }),
        at,
        label: (name) => labelFor(target, name),
        user: (login) => addUser({ login }).login,
      });
      recordIssueEvents(changes, at, () => next("event"));
      emit(changes);
      return record;
    },

    createComment(actor, ref, issueNumber, body) {
      const target = repo(ref);
      const record = issue(target, issueNumber);
      const text = checkBody("IssueComment", body);
      if (text === null || text === "")
        throw validationFailed({ resource: "IssueComment", field: "body", code: "missing_field" });
      const user = addUser({ login: actor });
      const at = now();
      const comment: CommentRecord = {
        id: next("comment"),
        issueNumber,
        body: text,
        user: user.login,
        createdAt: at,
        updatedAt: at,
        reactions: [],
      };
      target.comments.set(comment.id, comment);
      record.updatedAt = at;
      emit([{ kind: "comment-created", repo: target, issue: record, comment, actor: user }]);
      return comment;
    },

    reactToComment(actor, ref, commentId, content) {
      const target = repo(ref);
      const comment = target.comments.get(commentId);
      if (!comment) throw notFound();
      if (!REACTION_CONTENTS.includes(content as ReactionContent))
        throw validationFailed({ resource: "Reaction", field: "content", code: "invalid" });
      const user = addUser({ login: actor });
      // One reaction per person and content: GitHub answers the existing one (200) again.
      const existing = comment.reactions.find(
        (reaction) => reaction.user === user.login && reaction.content === content,
      );
      if (existing) return { reaction: existing, created: false };
      // No webhook: the app does not subscribe to reactions, and GitHub sends apps none for them.
      const reaction = {
        id: next("reaction"),
        content: content as ReactionContent,
        user: user.login,
        createdAt: now(),
      };
      comment.reactions.push(reaction);
      return { reaction, created: true };
    },

    deleteComment(actor, ref, commentId) {
      const target = repo(ref);
      const comment = target.comments.get(commentId);
      if (!comment) throw notFound();
      addUser({ login: actor });
      // GitHub sends issue_comment.deleted, which the app does not subscribe to: no change to report.
      target.comments.delete(commentId);
    },

    updateComment(actor, ref, commentId, body) {
      const target = repo(ref);
      const comment = target.comments.get(commentId);
      if (!comment) throw notFound();
      const record = issue(target, comment.issueNumber);
      const text = checkBody("IssueComment", body);
      if (text === null || text === "")
        throw validationFailed({ resource: "IssueComment", field: "body", code: "missing_field" });
      const user = addUser({ login: actor });
      if (text === comment.body) return comment;
      const from = comment.body;
      comment.body = text;
      comment.updatedAt = now();
      emit([
        {
          kind: "comment-edited",
          repo: target,
          issue: record,
          comment,
          actor: user,
          changes: { body: { from } },
        },
      ]);
      return comment;
    },

    createLabel(ref, input) {
      const target = repo(ref);
      const name = checkLabelName(input.name);
      const color = input.color === undefined ? DEFAULT_LABEL_COLOR : checkLabelColor(input.color);
      const description = checkLabelDescription(input.description);
      if (target.labels.has(name.toLowerCase()))
        throw validationFailed({ resource: "Label", field: "name", code: "already_exists" });
      const label: LabelRecord = { id: next("label"), name, color, description, default: false };
      target.labels.set(name.toLowerCase(), label);
      return label;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
