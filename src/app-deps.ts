import { ConfigCache } from "./github/config-cache.js";
import { LabelCache } from "./github/label-cache.js";
import type { ConfigLoad } from "./github/load-config.js";
import { SubIssueSupport } from "./github/sub-issue-support.js";
import { ProblemsMemo } from "./intake/problems-memo.js";

/** What the handlers share across events: caches and the app's own identity. */
export interface AppDeps {
  /** The app's login as it appears as a sender (`<slug>[bot]`), or null when unknown. */
  botLogin: () => Promise<string | null>;
  labels: LabelCache;
  /** Repositories without sub-issues (action items are then tracked as plain linked issues). */
  subIssues: SubIssueSupport;
  /** Each repository's parsed config and its ETag: a config read that finds no change costs nothing. */
  configs: ConfigCache<ConfigLoad>;
  /** The problems of the bodies the intake planned lately (an edit's previous body is one). */
  problems: ProblemsMemo;
}

export function createDeps(botLogin: () => Promise<string | null>): AppDeps {
  return {
    botLogin,
    labels: new LabelCache(),
    subIssues: new SubIssueSupport(),
    configs: new ConfigCache(),
    problems: new ProblemsMemo(),
  };
}

/** True when the event was caused by the app's own write: it must cause nothing. */
export async function isOwnEvent(
  sender: { login: string; type: string } | null | undefined,
  deps: AppDeps,
): Promise<boolean> {
  if (sender?.type !== "Bot") return false;
  const login = await deps.botLogin();
  return login !== null && sender.login === login;
}
