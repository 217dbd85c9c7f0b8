import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { type Config, configSchema, DEFAULT_CONFIG } from "../config/config.js";
import { fillReport } from "../report/fill-report.js";
import { UsageError } from "./cli-error.js";
import { parseOutput } from "./parse-output.js";
import { readInput } from "./read-input.js";
import { runReportCommand } from "./report-command.js";

export const HELP = `Usage: disruptions <command> [options]

Commands:
  parse [FILE]   Read a report body (FILE, or standard input) and print it as JSON:
                 report, durations, action items, closable, labels, sections, problems.
  fill [FILE]    Print the canonical filled report for a body, derived rows computed.
  report --period PERIOD (--input FILE | --repo OWNER/NAME [--publish])
                 The analytics of a month (2026-10), a quarter (2026-Q3) or a year
                 (2026; --month is the older name of --period): the issue's markdown,
                 or with --format json the figures. --input reads a JSON array of issues (REST, or
                 \`gh issue list --json number,title,body,labels,state,stateReason,createdAt,closedAt,url\`);
                 --repo reads GitHub with a token from GITHUB_TOKEN or GH_TOKEN, and
                 --publish creates or updates the period's analytics issue (a report
                 longer than GitHub takes goes on in comments on it).

Options:
  --tz ZONE          Time zone (IANA name) for times written without one and for the month,
                     weekdays and hours of the analytics. Default UTC (or the repository's config).
  --now ISO          "Today" for overdue action items (report only). Default: the clock.
  --format FORMAT    markdown (default), json, or html: one self-contained page with
                     inline SVG charts (report only).
  --config FILE      The repository's .github/disruption-reports.yml, for --input (report only):
                     its report label, types and time zone.
  -h, --help         Show this help.

Exit status: 0 when the input was read (problems are part of the output),
2 for a usage error or an unreadable file.`;

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Record<string, string | undefined>;
  stderrIsTTY?: boolean;
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
    throw error;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see disruptions --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (!command) throw new UsageError("no command given (see disruptions --help)");
  if (command !== "report") {
    for (const option of [
      "period",
      "month",
      "now",
      "format",
      "input",
      "repo",
      "publish",
      "config",
    ] as const) {
      if (values[option] !== undefined)
        throw new UsageError(`--${option} is an option of report, not of ${command}`);
    }
  }
  switch (command) {
    case "parse": {
      const config = configWithZone(values.tz);
      const body = await readInput(single(rest, command), io.stdin);
      io.stdout(`${JSON.stringify(parseOutput(body, config), null, 2)}\n`);
      return 0;
    }
    case "fill": {
      const config = configWithZone(values.tz);
      const body = await readInput(single(rest, command), io.stdin);
      io.stdout(
        fillReport(body, { timeZone: config.timeZone, types: config.types, ...config.fill }),
      );
      return 0;
    }
    case "report":
      if (rest.length > 0)
        throw new UsageError(`report takes no file argument (use --input ${rest[0]})`);
      return runReportCommand(values, {
        stdin: io.stdin,
        stdout: io.stdout,
        stderr: io.stderr,
        env: io.env ?? {},
        stderrIsTTY: io.stderrIsTTY ?? false,
        clock: io.clock ?? (() => DateTime.now()),
      });
    default:
      throw new UsageError(`unknown command "${command}" (see disruptions --help)`);
  }
}

function parseArguments(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      tz: { type: "string" },
      help: { type: "boolean", short: "h" },
      period: { type: "string" },
      month: { type: "string" },
      now: { type: "string" },
      format: { type: "string" },
      input: { type: "string", multiple: true },
      repo: { type: "string" },
      publish: { type: "boolean" },
      config: { type: "string" },
    },
  });
}

function single(rest: string[], command: string): string | undefined {
  if (rest.length > 1)
    throw new UsageError(`${command} takes one file at most, got ${rest.length}`);
  return rest[0];
}

function configWithZone(tz: string | undefined): Config {
  if (tz === undefined) return DEFAULT_CONFIG;
  const result = configSchema.safeParse({ timeZone: tz });
  if (!result.success)
    throw new UsageError(
      `--tz ${tz} is not an IANA time zone name (for example UTC or Europe/Berlin)`,
    );
  return result.data;
}
