import type { GraphqlResponseError } from "@octokit/graphql";
import type { Context } from "probot";
import type { ReferenceState } from "../close-guard/decide-close.js";

interface Target {
  key: string;
  owner: string;
  repo: string;
  number: number;
}

interface IssueFields {
  __typename: "Issue" | "PullRequest";
  /** An issue's state (`IssueState`). */
  state?: "OPEN" | "CLOSED";
  /** A pull request's state (`PullRequestState`), aliased: one response key cannot have two types. */
  pullRequestState?: "OPEN" | "CLOSED" | "MERGED";
  stateReason?: string | null;
  title: string;
  url: string;
}

/** `owner/repo#12` → its parts; null for anything else. */
function parseKey(key: string): Target | null {
  const match = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(key);
  return match
    ? { key, owner: match[1] ?? "", repo: match[2] ?? "", number: Number(match[3]) }
    : null;
}

export interface ReferenceQuery {
  query: string;
  variables: Record<string, string | number>;
  /** Where each reference's answer is found: `data[repository][issue]`. */
  slots: { repository: string; issue: string; key: string }[];
}

/**
 * Builds the one GraphQL query that reads every referenced issue (or pull request), grouped by
 * repository, with aliases. Exported for tests.
 */
export function buildReferenceQuery(targets: readonly Target[]): ReferenceQuery {
  const byRepo = new Map<string, Target[]>();
  for (const target of targets) {
    const repoKey = `${target.owner}/${target.repo}`.toLowerCase();
    byRepo.set(repoKey, [...(byRepo.get(repoKey) ?? []), target]);
  }
  const variables: Record<string, string | number> = {};
  const declarations: string[] = [];
  const selections: string[] = [];
  const slots: ReferenceQuery["slots"] = [];
  [...byRepo.values()].forEach((group, r) => {
    const first = group[0] as Target;
    variables[`owner${r}`] = first.owner;
    variables[`name${r}`] = first.repo;
    declarations.push(`$owner${r}: String!`, `$name${r}: String!`);
    const issues = group.map((target, i) => {
      variables[`number${r}_${i}`] = target.number;
      declarations.push(`$number${r}_${i}: Int!`);
      slots.push({ repository: `r${r}`, issue: `i${i}`, key: target.key.toLowerCase() });
      return `i${i}: issueOrPullRequest(number: $number${r}_${i}) { __typename ... on Issue { state stateReason(enableDuplicate: true) title url } ... on PullRequest { pullRequestState: state title url } }`;
    });
    selections.push(
      `r${r}: repository(owner: $owner${r}, name: $name${r}) { ${issues.join(" ")} }`,
    );
  });
  return {
    query: `query ReferencedIssues(${declarations.join(", ")}) { ${selections.join(" ")} }`,
    variables,
    slots,
  };
}

/**
 * Reads the state of every referenced issue in one GraphQL query. `stateReason` is asked with
 * `enableDuplicate: true`, so an issue closed as a duplicate reads `duplicate` (GitHub otherwise
 * answers NOT_PLANNED); either way it is not done (docs/definitions.md, "Action items"). An issue GitHub cannot show
 * (deleted, moved, or in a repository the app cannot read) is `unreadable`, not an error.
 * Keys are `owner/repo#n` in lower case (see `referenceKey`).
 */
export async function readReferenceStates(
  octokit: Context["octokit"],
  keys: readonly string[],
): Promise<Map<string, ReferenceState>> {
  const targets = [...new Set(keys)]
    .map(parseKey)
    .filter((target): target is Target => target !== null);
  const states = new Map<string, ReferenceState>();
  if (targets.length === 0) return states;
  const { query, variables, slots } = buildReferenceQuery(targets);
  let data: Record<string, Record<string, IssueFields | null> | null> | undefined;
  try {
    data = await octokit.graphql(query, variables);
  } catch (error) {
    // NOT_FOUND / FORBIDDEN for some references come as errors beside partial data.
    // Compared by name: Probot's Octokit may bundle its own copy of @octokit/graphql.
    if ((error as Error).name !== "GraphqlResponseError") throw error;
    data = (error as GraphqlResponseError<typeof data>).data;
  }
  for (const slot of slots)
    states.set(slot.key, toState(data?.[slot.repository]?.[slot.issue] ?? null));
  return states;
}

function toState(node: IssueFields | null): ReferenceState {
  if (!node) return { kind: "unreadable" };
  if (node.__typename === "PullRequest") {
    // A merged pull request did what the item asked; a closed unmerged one did not.
    return node.pullRequestState === "OPEN"
      ? { kind: "found", state: "OPEN", stateReason: null, title: node.title, url: node.url }
      : {
          kind: "found",
          state: "CLOSED",
          stateReason: node.pullRequestState === "MERGED" ? "completed" : "not_planned",
          title: node.title,
          url: node.url,
        };
  }
  return {
    kind: "found",
    state: node.state === "OPEN" ? "OPEN" : "CLOSED",
    stateReason: node.stateReason?.toLowerCase() ?? null,
    title: node.title,
    url: node.url,
  };
}
