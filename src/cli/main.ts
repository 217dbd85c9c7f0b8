import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { DateTime } from "luxon";
import { UsageError } from "./cli-error.js";
import { describeFailure } from "./describe-failure.js";
import { readInput } from "./read-input.js";

const PRESET_LIST = "upptime, pagerduty-postmortem, retrospective, blameless-postmortem";

/** Each command's own help (`disruptions parse --help`). */
export const COMMAND_HELP: Record<string, string> = {
  parse: `Usage: disruptions parse [FILE] [--tz ZONE] [--config FILE] [--template NAME]

Reads a report body (FILE, or standard input when FILE is missing or -) and prints one JSON
object: report, durations (minutes), actionItems, closable, labels, sections, problems (and,
with a template, where each field was found). FILE may also be one issue as JSON (gh issue
view N --json title,body,createdAt,closedAt, or the REST API's issue).
  --tz ZONE        IANA zone for times written without one (default UTC).
  --config FILE    The repository's .github/disruption-reports.yml (its template, types, zone).
  --template NAME  Read the body as a preset: ${PRESET_LIST}.
Exit status: 0 when the body was read (problems are part of the output), 2 usage error or
unreadable file.`,
  fill: `Usage: disruptions fill [FILE] [--tz ZONE] [--config FILE] [--template NAME]

Prints the canonical filled report for a body (FILE, or standard input): every form answer in
the Overview table and sections, derived rows computed, nothing the author wrote lost. With a
template, only the Overview table is added (at the end); every line stays where it was.
  --tz ZONE        IANA zone for times written without one (default UTC).
  --config FILE    The repository's .github/disruption-reports.yml.
  --template NAME  Read the body as a preset: ${PRESET_LIST}.
Exit status: 0, or 2 usage error or unreadable file.`,
  summary: `Usage: disruptions summary [FILE] [--tz ZONE] [--config FILE] [--template NAME]

Prints the external summary of a report (FILE, or standard input) as markdown: services,
severity, length, customer impact, and the report's own sentences from Summary, Contributing
factors and Action items, without @mentions, people's names, links to the hosts of
summary.internalHosts, or timeline rows.
Exit status: 0, or 2 usage error or unreadable file.`,
  report: `Usage: disruptions report --period PERIOD (--input FILE | --repo OWNER/NAME [--publish])
                          [--tz ZONE] [--now ISO] [--format markdown|json] [--config FILE]

The analytics of a month (2026-10), a quarter (2026-Q3) or a year (2026); --month is an alias.
  --input FILE     A JSON array of issues (REST, or gh issue list --json ...); - for stdin.
  --repo O/N       Read GitHub with the token in GITHUB_TOKEN or GH_TOKEN (GITHUB_API_URL for
                   GitHub Enterprise); --publish creates or updates the analytics issue. More
                   than once: one report over those repositories (config and issue of the first).
  --config FILE    The repository's .github/disruption-reports.yml, for --input.
  --now ISO        "Today" for overdue action items.
  --format FORMAT  markdown (default) or json (the figures).
Exit status: 0 done; 2 usage error or unreadable file; 3 GitHub refused (bad credentials, no such
repository, no permission); 4 try again later (network unreachable, rate limited).`,
};

export const HELP = `Usage: disruptions <command> [options]

Commands:
  parse [FILE]   Read a report body (FILE, or standard input) and print it as JSON:
                 report, durations, action items, closable, labels, sections, problems.
  fill [FILE]    Print the canonical filled report for a body, derived rows computed.
  summary [FILE] Print the external summary of a report: no names, no internal hosts.
  report --period PERIOD (--input FILE | --repo OWNER/NAME [--publish])
                 The analytics of a month (2026-10), a quarter (2026-Q3) or a year
                 (2026; --month is the older name of --period): the issue's markdown,
                 or with --format json the figures. --input reads a JSON array of issues (REST, or
                 \`gh issue list --json number,title,body,labels,state,stateReason,createdAt,closedAt,url\`);
                 --repo reads GitHub with a token from GITHUB_TOKEN or GH_TOKEN (more than
                 once: one report over several repositories), and
                 --publish creates or updates the period's analytics issue (a report
                 longer than GitHub takes goes on in comments on it).

Options:
  --tz ZONE          Time zone (IANA name) for times written without one and for the month,
                     weekdays and hours of the analytics. Default UTC (or the repository's config).
  --now ISO          "Today" for overdue action items (report only). Default: the clock.
  --format FORMAT    markdown (default), json, or html: one self-contained page with
                     inline SVG charts (report only).
  --config FILE      The repository's .github/disruption-reports.yml: its template, report
                     label, types and time zone (parse, fill, summary; report with --input).
  --template NAME    Read bodies as a preset (parse, fill, summary): ${PRESET_LIST}.
  -h, --help         Show this help (disruptions COMMAND --help: that command's).
  -v, --version      Print the version.

Exit status: 0 when the input was read (problems are part of the output),
2 for a usage error or an unreadable file, 3 when GitHub refused (bad credentials, no such
repository, no permission), 4 when it could not be reached or the rate limit is used up (try
again later), 1 for anything else. A closed output pipe ends the command quietly.`;

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Record<string, string | undefined>;
  stderrIsTTY?: boolean;
  /** Whether standard input is a terminal: a bare `parse` then says it is waiting for a body. */
  stdinIsTTY?: boolean;
  clock?: () => DateTime;
}

/** Runs the command line; returns the exit code instead of exiting, so it can be tested. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`disruptions: ${error.message}\n`);
      return 2;
    }
    const failure = describeFailure(error, io.env ?? {});
    io.stderr(`disruptions: ${failure.message}\n`);
    if (failure.status === 1 && io.env?.DISRUPTIONS_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return failure.status;
  }
}

type Values = ReturnType<typeof parseArguments>["values"];

/** A command: its positional arguments and options in, its exit status out. */
type Command = (rest: string[], values: Values, io: CliIo) => Promise<number>;

/** The options only `report` takes. */
const REPORT_OPTIONS = ["period", "month", "now", "format", "input", "repo", "publish"] as const;

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgumentsOrUsage(argv);
  const [command, ...rest] = positionals;
  if (values.version) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  if (values.help || command === "help") {
    const topic = command === "help" ? rest[0] : command;
    io.stdout(`${(topic && COMMAND_HELP[topic]) || HELP}\n`);
    return 0;
  }
  if (!command) throw new UsageError("no command given (see disruptions --help)");
  checkOptionsOf(command, values);
  const runCommand = COMMANDS.get(command);
  if (!runCommand) throw new UsageError(`unknown command "${command}" (see disruptions --help)`);
  return runCommand(rest, values, io);
}

function parseArgumentsOrUsage(argv: readonly string[]): ReturnType<typeof parseArguments> {
  try {
    return parseArguments(argv);
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see disruptions --help)`);
  }
}

/** An option given to a command that does not take it is a usage error, named for what it is. */
function checkOptionsOf(command: string, values: Values): void {
  if (command !== "report") {
    for (const option of REPORT_OPTIONS) {
      if (values[option] !== undefined)
        throw new UsageError(`--${option} is an option of report, not of ${command}`);
    }
  }
  if (command === "report" && values.template !== undefined)
    throw new UsageError("--template is an option of parse, fill and summary, not of report");
}

/**
 * `parse`, `fill` and `summary`: one body in, printed out. Each command loads only what it uses
 * (dynamic imports): these need neither Octokit nor the analytics.
 */
function bodyCommand(command: "parse" | "fill" | "summary"): Command {
  return async (rest, values, io) => {
    const { runBodyCommand } = await import("./body-command.js");
    const text = await readBody(single(rest, command), io, command);
    io.stdout(await runBodyCommand(command, text, values, io.stdin));
    return 0;
  };
}

const reportCommand: Command = async (rest, values, io) => {
  if (rest.length > 0)
    throw new UsageError(`report takes no file argument (use --input ${rest[0]})`);
  const [{ runReportCommand }, { DateTime }] = await Promise.all([
    import("./report-command.js"),
    import("luxon"),
  ]);
  return runReportCommand(values, {
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env ?? {},
    stderrIsTTY: io.stderrIsTTY ?? false,
    clock: io.clock ?? (() => DateTime.now()),
  });
};

const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ["parse", bodyCommand("parse")],
  ["fill", bodyCommand("fill")],
  ["summary", bodyCommand("summary")],
  ["report", reportCommand],
]);

function parseArguments(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      tz: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
      period: { type: "string" },
      month: { type: "string" },
      now: { type: "string" },
      format: { type: "string" },
      input: { type: "string", multiple: true },
      repo: { type: "string", multiple: true },
      publish: { type: "boolean" },
      config: { type: "string" },
      template: { type: "string" },
    },
  });
}

function single(rest: string[], command: string): string | undefined {
  if (rest.length > 1)
    throw new UsageError(`${command} takes one file at most, got ${rest.length}`);
  return rest[0];
}

/** The body from FILE or standard input; at a terminal, says that it is waiting for one. */
async function readBody(file: string | undefined, io: CliIo, command: string): Promise<string> {
  if ((file === undefined || file === "-") && io.stdinIsTTY)
    io.stderr(
      `disruptions ${command}: reading a report body from standard input (end it with Ctrl-D; or give a FILE)\n`,
    );
  return readInput(file, io.stdin);
}

/** The version in package.json (`disruptions --version`). */
function version(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
