import type { Octokit } from "@octokit/rest";
import type { Config } from "../config/config.js";
import { labelKey } from "../labels/label-name.js";
import { labelStyle } from "../labels/label-style.js";
import { MAX_PAGE_SIZE } from "../limits/github-limits.js";
import type { LabelCache } from "./label-cache.js";

type LabelClient = Pick<Octokit, "paginate" | "rest">;

/**
 * Creates one label with the app's colour and description for it (GitHub would create it grey
 * when it is first set on an issue). A 422 means it exists already (another delivery, another
 * instance, or a person created it a moment ago): that is success.
 */
export async function createLabel(
  octokit: Pick<Octokit, "rest">,
  repo: { owner: string; repo: string },
  name: string,
  config: Config,
): Promise<void> {
  try {
    await octokit.rest.issues.createLabel({ ...repo, ...labelStyle(name, config) });
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw error;
  }
}

/**
 * Creates, with a colour and a description, each wanted label the repository does not have yet.
 * Label names compare case-insensitively, as GitHub compares them. Returns how many it created
 * (each a write, which the throttling plugin spaces a second apart).
 */
export async function ensureLabels(
  octokit: LabelClient,
  repo: { owner: string; repo: string; installation: number | undefined },
  wanted: readonly string[],
  config: Config,
  cache: LabelCache,
): Promise<number> {
  if (wanted.length === 0) return 0;
  const key = labelKey(`${repo.installation ?? 0}/${repo.owner}/${repo.repo}`);
  let names = cache.get(key);
  if (!names) {
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
      owner: repo.owner,
      repo: repo.repo,
      per_page: MAX_PAGE_SIZE,
    });
    names = new Set(labels.map((label) => labelKey(label.name)));
    cache.set(key, names);
  }
  let created = 0;
  for (const name of wanted) {
    if (names.has(labelKey(name))) continue;
    created += 1;
    await createLabel(octokit, { owner: repo.owner, repo: repo.repo }, name, config);
    names.add(labelKey(name));
  }
  return created;
}
