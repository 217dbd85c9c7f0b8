import type { GraphqlResponseError } from "@octokit/graphql";
import type { Octokit } from "@octokit/rest";
import { CONFIG_PATH } from "../config/parse-config-text.js";

/** What the schedule needs to know of a repository before it reads anything else. */
export interface RepositoryProbe {
  owner: string;
  repo: string;
  /** The text of its own `.github/disruption-reports.yml`, or null when it has none. */
  configText: string | null;
  /** How many issues (open or closed) carry the report label: 0 when the label does not exist. */
  reports: number;
}

/** Repositories looked at per GraphQL query: small enough to stay far below GitHub's node limits. */
const PROBE_BATCH = 50;

/**
 * Looks at dozens of repositories in one GraphQL query each: the config file blob on the default
 * branch (`object(expression: "HEAD:.github/disruption-reports.yml")`) and how many issues carry
 * `label`. A repository GitHub cannot show (deleted, access withdrawn) is left out.
 *
 * @example probeRepositories(octokit, [{ owner: "acme", repo: "ops" }], "disruption")
 */
export async function probeRepositories(
  octokit: Pick<Octokit, "graphql">,
  repositories: readonly { owner: string; repo: string }[],
  label: string,
): Promise<RepositoryProbe[]> {
  const probes: RepositoryProbe[] = [];
  for (let start = 0; start < repositories.length; start += PROBE_BATCH) {
    const batch = repositories.slice(start, start + PROBE_BATCH);
    const variables: Record<string, string> = { expression: `HEAD:${CONFIG_PATH}`, label };
    const declarations = ["$expression: String!", "$label: String!"];
    const fields = batch.map((repository, index) => {
      variables[`o${index}`] = repository.owner;
      variables[`n${index}`] = repository.repo;
      declarations.push(`$o${index}: String!`, `$n${index}: String!`);
      return `r${index}: repository(owner: $o${index}, name: $n${index}) {
    object(expression: $expression) { ... on Blob { text } }
    label(name: $label) { issues(first: 1) { totalCount } }
  }`;
    });
    const query = `query RepositoryProbe(${declarations.join(", ")}) {\n  ${fields.join("\n  ")}\n}`;
    type Node = {
      object: { text?: string | null } | null;
      label: { issues: { totalCount: number } } | null;
    } | null;
    let data: Record<string, Node>;
    try {
      data = await octokit.graphql<Record<string, Node>>(query, variables);
    } catch (error) {
      // A repository GitHub cannot resolve is null beside the others' data.
      if ((error as Error).name !== "GraphqlResponseError") throw error;
      data = (error as GraphqlResponseError<Record<string, Node>>).data ?? {};
    }
    batch.forEach((repository, index) => {
      const node = data[`r${index}`];
      if (!node) return;
      probes.push({
        ...repository,
        configText: node.object?.text ?? null,
        reports: node.label?.issues.totalCount ?? 0,
      });
    });
  }
  return probes;
}
