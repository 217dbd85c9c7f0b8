import type { Octokit } from "@octokit/rest";
import { DEFAULT_CONFIG } from "../config/config.js";
import { CONFIG_PATH, type ConfigResult, parseConfigText } from "../config/parse-config-text.js";

export type LoadedConfig = ConfigResult & {
  /** The file that was read (`owner/repo:.github/disruption-reports.yml`), or null when there is none. */
  source: string | null;
};

/**
 * Reads the repository's config file, falling back to the owner's `.github` repository as Probot's
 * `context.config` does. Read raw (not through `context.config`) so that invalid YAML and bad
 * keys become messages for the team instead of exceptions or silent defaults.
 */
export async function readConfig(
  octokit: Pick<Octokit, "rest">,
  owner: string,
  repo: string,
): Promise<LoadedConfig> {
  for (const name of repo === ".github" ? [repo] : [repo, ".github"]) {
    let text: string;
    try {
      const response = await octokit.rest.repos.getContent({
        owner,
        repo: name,
        path: CONFIG_PATH,
        mediaType: { format: "raw" },
      });
      text = rawText(response.data);
    } catch (error) {
      if ((error as { status?: number }).status === 404) continue;
      throw error;
    }
    return { ...parseConfigText(text), source: `${owner}/${name}:${CONFIG_PATH}` };
  }
  return { ok: true, config: DEFAULT_CONFIG, source: null };
}

/**
 * The raw file as text. Octokit hands raw content over as a string when the response says it is
 * text (`charset=utf-8`), and as an ArrayBuffer otherwise.
 */
function rawText(data: unknown): string {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return String(data);
}
