import { parse } from "yaml";
import { readIssueEntry } from "../analytics/read-issues-json.js";
import { type Config, configSchema } from "../config/config.js";
import { describeConfigProblem } from "../config/config-problem.js";
import { parseConfigText } from "../config/parse-config-text.js";
import { PRESET_NAMES } from "../templates/presets.js";
import type { IssueFacts } from "../templates/read-template-fields.js";
import { UsageError } from "./cli-error.js";
import { readInput } from "./read-input.js";

/** What `parse`, `fill` and `summary` read: the body, the issue it came from (if given as JSON) and the config. */
export interface BodyInput {
  body: string;
  issue: IssueFacts | undefined;
  config: Config;
}

/**
 * The config of `--config FILE` (the repository's `.github/disruption-reports.yml`, validated as
 * the app validates it) with `--template NAME` and `--tz ZONE` on top; the body of FILE, which
 * may also be one issue as JSON (`gh issue view N --json title,body,createdAt,closedAt,…` or the
 * REST API's issue): its title and times are what a monitor's template (Upptime) reads.
 */
export async function readBodyInput(
  text: string,
  options: { config?: string | undefined; template?: string | undefined; tz?: string | undefined },
  stdin: NodeJS.ReadableStream,
): Promise<BodyInput> {
  const config = await readConfig(options, stdin);
  const issue = issueOf(text);
  return issue ? { ...issue, config } : { body: text, issue: undefined, config };
}

async function readConfig(
  options: { config?: string | undefined; template?: string | undefined; tz?: string | undefined },
  stdin: NodeJS.ReadableStream,
): Promise<Config> {
  const { config: file, template, tz } = options;
  if (template !== undefined && !(PRESET_NAMES as readonly string[]).includes(template))
    throw new UsageError(
      `--template ${template} is not a preset: use one of ${PRESET_NAMES.join(", ")} (or map your own template in --config FILE)`,
    );
  const text = file === undefined ? "" : await readInput(file, stdin);
  const result = parseConfigText(text);
  if (!result.ok)
    throw new UsageError(describeConfigProblem({ source: file ?? "", issues: result.issues }));
  if (template === undefined && tz === undefined) return result.config;
  // The file's own keys, with the options in place of its template and zone (so that a preset's
  // implied report label still follows from what the file does not say).
  const raw = (parse(text) ?? {}) as Record<string, unknown>;
  const merged = {
    ...raw,
    ...(template !== undefined ? { template } : {}),
    ...(tz !== undefined ? { timeZone: tz } : {}),
  };
  const checked = configSchema.safeParse(merged);
  if (checked.success) return checked.data;
  throw new UsageError(
    `--tz ${tz} is not an IANA time zone name (for example UTC or Europe/Berlin)`,
  );
}

function issueOf(text: string): { body: string; issue: IssueFacts } | null {
  if (!text.trimStart().startsWith("{")) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const read = readIssueEntry(json, 0);
  if ("error" in read) throw new UsageError(read.error.replace(/^Entry 0/, "The file"));
  if (!read.issue) throw new UsageError("the file is a pull request, not an issue");
  const { title, createdAt, closedAt, body } = read.issue;
  return { body, issue: { title, createdAt, closedAt } };
}
