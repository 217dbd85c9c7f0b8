import type { Octokit } from "@octokit/rest";
import type { Config } from "../config/config.js";
import { MAX_PAGE_SIZE } from "../limits/github-limits.js";

/** A repository, `owner` and `repo` as the REST API names them. */
export interface RepositoryName {
  owner: string;
  repo: string;
}

/** `report.repositories: all` outside an installation (the CLI with a personal token). */
export class AllRepositoriesNeedApp extends Error {
  override name = "AllRepositoriesNeedApp";
  constructor() {
    super(
      "report.repositories: all lists the repositories of the app's installation; with a personal token name each repository (--repo OWNER/NAME, more than once)",
    );
  }
}

/**
 * The repositories a report counts: the publishing one first, then those of
 * `report.repositories` (each once, in any case), or with `all` every repository of the
 * installation (one request per 100; those without reports cost nothing more, see
 * `reportPagesOfRepositories`).
 */
export async function reportRepositories(
  octokit: Pick<Octokit, "paginate" | "rest">,
  home: RepositoryName,
  config: Config,
  options: { installation: boolean },
): Promise<RepositoryName[]> {
  const listed = config.report.repositories;
  let others: RepositoryName[];
  if (listed === "all") {
    if (!options.installation) throw new AllRepositoriesNeedApp();
    const repositories = await octokit.paginate(
      octokit.rest.apps.listReposAccessibleToInstallation,
      { per_page: MAX_PAGE_SIZE },
    );
    others = repositories.map((repository) => ({
      owner: repository.owner.login,
      repo: repository.name,
    }));
  } else {
    others = listed.map((name) => {
      const [owner = "", repo = ""] = name.split("/");
      return { owner, repo };
    });
  }
  return uniqueRepositories([home, ...others]);
}

/** Each repository once, the first spelling kept (GitHub's names match in any case). */
export function uniqueRepositories(list: readonly RepositoryName[]): RepositoryName[] {
  const seen = new Set<string>();
  return list.filter((repository) => {
    const key = `${repository.owner}/${repository.repo}`.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
