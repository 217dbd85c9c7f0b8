import { Octokit } from "@octokit/rest";
import { DateTime } from "luxon";
import { metricsFromRecords } from "../analytics/compute-monthly-metrics.js";
import { parsePeriod } from "../analytics/period.js";
import { renderHtmlPage } from "../analytics/render-html-page.js";
import { renderMonthlyReport } from "../analytics/render-monthly-report.js";
import type { MonthlyResult } from "../analytics/types.js";
import { type Config, configSchema, DEFAULT_CONFIG } from "../config/config.js";
import { describeConfigProblem } from "../config/config-problem.js";
import { parseConfigText } from "../config/parse-config-text.js";
import { loadConfig } from "../github/load-config.js";
import { buildMonthlyReport, publishMonthlyReport } from "../github/publish-monthly-report.js";
import {
  AllRepositoriesNeedApp,
  type RepositoryName,
  reportRepositories,
  uniqueRepositories,
} from "../github/report-repositories.js";
import { UsageError } from "./cli-error.js";
import { readInput } from "./read-input.js";
import { readReportFiles } from "./read-report-files.js";

export interface ReportArgs {
  period?: string | undefined;
  /** The older name of `--period`. */
  month?: string | undefined;
  tz?: string | undefined;
  now?: string | undefined;
  format?: string | undefined;
  /** One file, or several (`--input` more than once: several repositories' issues). */
  input?: string | string[] | undefined;
  /** One repository, or several (`--repo` more than once: one organisation-wide report). */
  repo?: string | string[] | undefined;
  publish?: boolean | undefined;
  config?: string | undefined;
}

export interface ReportIo {
  stdin: NodeJS.ReadableStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether standard error is a terminal (progress is shown only there). */
  stderrIsTTY: boolean;
  /** The clock, when `--now` is not given. */
  clock: () => DateTime;
}

/**
 * `disruptions report --period PERIOD (--input FILE | --repo OWNER/NAME [--publish])`: the
 * analytics of a month, quarter or year as markdown (the issue body) or JSON (the figures), from a
 * file of issues or from GitHub; with `--publish`, creates or updates the period's analytics issue.
 */
export async function runReportCommand(args: ReportArgs, io: ReportIo): Promise<number> {
  const wanted = { period: readPeriod(args), format: readFormat(args.format) };
  if ((args.input === undefined) === (args.repo === undefined)) {
    throw new UsageError("report needs one source: --input FILE or --repo OWNER/NAME");
  }
  if (args.publish && !args.repo) throw new UsageError("--publish needs --repo OWNER/NAME");
  if (args.config && args.repo)
    throw new UsageError("--config goes with --input; --repo reads the repository's own config");
  // Checked before any work; read again in the report's zone once that is known.
  readNow(args.now, io.clock, "UTC");
  if (args.input !== undefined) await reportFromFiles([args.input].flat(), args, wanted, io);
  else await reportFromRepositories([args.repo ?? []].flat(), args, wanted, io);
  return 0;
}

type Format = "markdown" | "json" | "html";

/** What the report is of and how it is printed, read from the options first. */
interface Wanted {
  period: string;
  format: Format;
}

function readFormat(format: string | undefined): Format {
  const read = format ?? "markdown";
  if (read !== "markdown" && read !== "json" && read !== "html")
    throw new UsageError(`--format ${read}: use markdown, json or html`);
  return read;
}

/** `--input FILE…`: the report of files of issues (several: one organisation-wide report). */
async function reportFromFiles(
  files: string[],
  args: ReportArgs,
  wanted: Wanted,
  io: ReportIo,
): Promise<void> {
  const config = withZone(
    args.config ? await readConfigFile(args.config, io.stdin) : DEFAULT_CONFIG,
    args.tz,
  );
  const now = readNow(args.now, io.clock, config.timeZone);
  const read = await readReportFiles(files, io.stdin, config);
  if (read.issues > 0 && read.labelled === 0) {
    io.stderr(
      `disruptions: none of the ${read.issues} issues carries the label \`${config.labels.report}\`; pass the repository's config with --config FILE if it names another\n`,
    );
  }
  const result = metricsFromRecords(read.records, {
    period: wanted.period,
    timeZone: config.timeZone,
    now,
    config,
  });
  // Issue URLs name the repository the file came from.
  const repo =
    /github\.com\/([^/]+\/[^/]+)\/issues\//.exec(read.firstUrl ?? "")?.[1] ?? "OWNER/REPO";
  io.stdout(output(result, wanted.format, { repo, reportLabel: config.labels.report }));
}

/** `--repo OWNER/NAME…`: the report of repositories read from GitHub, printed or published. */
async function reportFromRepositories(
  names: string[],
  args: ReportArgs,
  wanted: Wanted,
  io: ReportIo,
): Promise<void> {
  const repositories = uniqueRepositories(names.map(repositoryOption));
  const [{ owner, repo } = { owner: "", repo: "" }] = repositories;
  const octokit = cliOctokit(io.env);
  const loaded = await loadConfig(octokit, owner, repo);
  if (!loaded.ok) throw new UsageError(describeConfigProblem(loaded.problem));
  const config = withZone(loaded.config, args.tz);
  const progress = pageProgress(io);
  const request = {
    owner,
    repo,
    period: wanted.period,
    config,
    now: readNow(args.now, io.clock, config.timeZone),
    onPage: progress.onPage,
    // A command line has no deliveries waiting: the report is computed in place.
    inPlace: true,
    // Several --repo: exactly those; one: it and its config's report.repositories.
    repositories:
      repositories.length > 1
        ? repositories
        : await cliRepositories(octokit, { owner, repo }, config),
  };
  if (args.publish) {
    const outcome = await publishMonthlyReport(octokit, request);
    progress.done();
    io.stdout(`${outcome.action} ${outcome.url}\n`);
    return;
  }
  const { result } = await buildMonthlyReport(octokit, request);
  progress.done();
  const options = { repo: `${owner}/${repo}`, reportLabel: config.labels.report };
  io.stdout(output(result, wanted.format, options));
}

/** An Octokit for `--repo`, with the token and API URL of the environment. */
function cliOctokit(env: ReportIo["env"]): Octokit {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) throw new UsageError("--repo needs a token in GITHUB_TOKEN or GH_TOKEN");
  return new Octokit({
    auth: token,
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    userAgent: "disruption-reports-cli",
    // A failure is told in one line by the CLI, not logged by Octokit as well.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

/** The count of reports read so far, on standard error when it is a terminal and from the second page. */
function pageProgress(io: ReportIo): { onPage: (count: number) => void; done: () => void } {
  let pages = 0;
  return {
    onPage: (count) => {
      pages += 1;
      if (io.stderrIsTTY && pages > 1) io.stderr(`\rread ${count} reports…`);
    },
    done: () => {
      if (io.stderrIsTTY && pages > 1) io.stderr("\n");
    },
  };
}

/** `--repo OWNER/NAME`. */
function repositoryOption(text: string): RepositoryName {
  const [owner, repo, extra] = text.split("/");
  if (!owner || !repo || extra !== undefined)
    throw new UsageError(`--repo ${text} is not OWNER/NAME`);
  return { owner, repo };
}

/** The repository and its config's `report.repositories`; `all` needs the app's installation. */
async function cliRepositories(
  octokit: Octokit,
  home: RepositoryName,
  config: Config,
): Promise<RepositoryName[]> {
  try {
    return await reportRepositories(octokit, home, config, { installation: false });
  } catch (error) {
    if (error instanceof AllRepositoriesNeedApp) throw new UsageError(error.message);
    throw error;
  }
}

/** `--period` (or its older name `--month`): a month, a quarter or a year. */
function readPeriod(args: ReportArgs): string {
  if (args.period !== undefined && args.month !== undefined)
    throw new UsageError("give --period or --month (its older name), not both");
  const option = args.period !== undefined ? "--period" : "--month";
  const text = args.period ?? args.month;
  if (!text)
    throw new UsageError(
      "report needs --period: a month (2026-10), a quarter (2026-Q3) or a year (2026)",
    );
  const period = parsePeriod(text);
  if (!period)
    throw new UsageError(
      `${option} ${text} is not a period: write a month (2026-10), a quarter (2026-Q3) or a year (2026)`,
    );
  return period.key;
}

/** `--config FILE`: the repository's `.github/disruption-reports.yml`, validated as the app does. */
async function readConfigFile(file: string, stdin: NodeJS.ReadableStream): Promise<Config> {
  const result = parseConfigText(await readInput(file, stdin));
  if (result.ok) return result.config;
  throw new UsageError(describeConfigProblem({ source: file, issues: result.issues }));
}

function output(
  result: MonthlyResult,
  format: Format,
  options: { repo: string; reportLabel: string },
): string {
  if (format === "json") return `${JSON.stringify(result.figures, null, 2)}\n`;
  if (format === "html") return renderHtmlPage(result, options);
  return `${renderMonthlyReport(result, options)}\n`;
}

/** `--now`: with an offset as written, without one in the report's zone (so a date means that date there). */
function readNow(text: string | undefined, clock: () => DateTime, timeZone: string): DateTime {
  if (text === undefined) return clock();
  const now = DateTime.fromISO(text, { zone: timeZone, setZone: true });
  if (!now.isValid)
    throw new UsageError(`--now ${text} is not an ISO 8601 time, e.g. 2026-11-01T09:00:00Z`);
  return now;
}

function withZone(config: Config, tz: string | undefined): Config {
  if (tz === undefined) return config;
  const result = configSchema.safeParse({ ...config, timeZone: tz });
  if (!result.success)
    throw new UsageError(
      `--tz ${tz} is not an IANA time zone name (for example UTC or Europe/Berlin)`,
    );
  return result.data;
}
