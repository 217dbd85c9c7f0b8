import type { Octokit } from "@octokit/rest";
import { type Config, DEFAULT_CONFIG } from "../config/config.js";
import { type ConfigProblem, describeConfigProblem } from "../config/config-problem.js";
import { CONFIG_PATH, parseConfigText } from "../config/parse-config-text.js";
import type { ConfigCache } from "./config-cache.js";

/** A repository's config, or the one problem that keeps it from being used. */
export type ConfigLoad =
  | {
      ok: true;
      config: Config;
      /** The file that was read (`owner/repo:.github/disruption-reports.yml`), or null when there is none. */
      source: string | null;
    }
  | { ok: false; problem: ConfigProblem };

/** Where a broken config is logged: Probot's `context.log` or `app.log`. */
export interface ConfigLog {
  warn(details: object, message: string): void;
}

/**
 * Reads the repository's config file, falling back to the owner's `.github` repository as Probot's
 * `context.config` does, then to the defaults. Read raw (not through `context.config`) so that
 * invalid YAML and bad keys become a described problem instead of exceptions or silent defaults.
 */
export async function loadConfig(
  octokit: Pick<Octokit, "rest">,
  owner: string,
  repo: string,
  cache?: ConfigCache<ConfigLoad>,
): Promise<ConfigLoad> {
  for (const name of repo === ".github" ? [repo] : [repo, ".github"]) {
    const key = `${owner}/${name}`;
    const known = cache?.get(key);
    if (known?.kind === "missing") continue;
    if (known && cache?.fresh(known)) return known.value;
    let text: string;
    let etag: string | undefined;
    let cacheControl: string | undefined;
    try {
      const response = await octokit.rest.repos.getContent({
        owner,
        repo: name,
        path: CONFIG_PATH,
        mediaType: { format: "raw" },
        ...(known ? { headers: { "if-none-match": known.etag } } : {}),
      });
      text = rawText(response.data);
      etag = response.headers.etag;
      cacheControl = response.headers["cache-control"];
    } catch (error) {
      const { status, response } = error as {
        status?: number;
        response?: { headers?: Record<string, string | undefined> };
      };
      // Octokit surfaces `304 Not Modified` as a RequestError with status 304.
      if (status === 304 && known) {
        cache?.setFile(key, known.etag, known.value, response?.headers?.["cache-control"]);
        return known.value;
      }
      if (status === 404) {
        cache?.setMissing(key);
        continue;
      }
      throw error;
    }
    const source = `${owner}/${name}:${CONFIG_PATH}`;
    const parsed = parseConfigText(text);
    const loaded: ConfigLoad = parsed.ok
      ? { ok: true, config: parsed.config, source }
      : { ok: false, problem: { source, issues: parsed.issues, reportLabel: parsed.reportLabel } };
    cache?.setFile(key, etag, loaded, cacheControl);
    return loaded;
  }
  return { ok: true, config: DEFAULT_CONFIG, source: null };
}

/**
 * {@link loadConfig} for the app's handlers and schedule: a broken config is always logged (what
 * is wrong, and what the app therefore did not do), and the caller then reacts in its one way.
 *
 * @param skipped what the app does not do because of it, for the log: `"close guard skipped"`.
 */
export async function loadConfigLogged(
  octokit: Pick<Octokit, "rest">,
  repository: { owner: string; repo: string },
  log: ConfigLog,
  skipped: string,
  cache?: ConfigCache<ConfigLoad>,
): Promise<ConfigLoad> {
  const loaded = await loadConfig(octokit, repository.owner, repository.repo, cache);
  if (!loaded.ok) {
    const { source, issues } = loaded.problem;
    log.warn(
      { repository: `${repository.owner}/${repository.repo}`, source, issues },
      `${describeConfigProblem(loaded.problem)}: ${skipped}`,
    );
  }
  return loaded;
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
