import type { Context } from "probot";
import type { Config } from "../config/config.js";
import { labelStyle } from "../report/label-style.js";

/** How long the labels a repository has are trusted without asking again. */
const LABEL_CACHE_MS = 5 * 60_000;

/** The label names each repository has, per installation, for a short while (rate limit is the real resource). */
export class LabelCache {
  readonly #entries = new Map<string, { names: Set<string>; at: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): Set<string> | null {
    const entry = this.#entries.get(key);
    if (!entry || this.now() - entry.at > LABEL_CACHE_MS) return null;
    return entry.names;
  }

  set(key: string, names: Set<string>): void {
    this.#entries.set(key, { names, at: this.now() });
  }
}

/**
 * Creates, with a colour and a description, each wanted label the repository does not have yet.
 * Label names compare case-insensitively, as GitHub compares them. Returns how many it created
 * (each a write, which the throttling plugin spaces a second apart).
 */
export async function ensureLabels(
  octokit: Context["octokit"],
  repo: { owner: string; repo: string; installation: number | undefined },
  wanted: readonly string[],
  config: Config,
  cache: LabelCache,
): Promise<number> {
  if (wanted.length === 0) return 0;
  const key = `${repo.installation ?? 0}/${repo.owner}/${repo.repo}`.toLowerCase();
  let names = cache.get(key);
  if (!names) {
    const labels = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, {
      owner: repo.owner,
      repo: repo.repo,
      per_page: 100,
    });
    names = new Set(labels.map((label) => label.name.toLowerCase()));
    cache.set(key, names);
  }
  let created = 0;
  for (const name of wanted) {
    if (names.has(name.toLowerCase())) continue;
    created += 1;
    try {
      await octokit.rest.issues.createLabel({
        owner: repo.owner,
        repo: repo.repo,
        ...labelStyle(name, config),
      });
    } catch (error) {
      // 422: another delivery created it a moment ago.
      if ((error as { status?: number }).status !== 422) throw error;
    }
    names.add(name.toLowerCase());
  }
  return created;
}
