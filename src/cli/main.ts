import { parseArgs } from "node:util";
import { type Config, configSchema, DEFAULT_CONFIG } from "../config/config.js";
import { fillReport } from "../report/fill-report.js";
import { UsageError } from "./cli-error.js";
import { parseCommandOutput } from "./parse-command.js";
import { readInput } from "./read-input.js";

export const HELP = `Usage: disruptions <command> [options]

Commands:
  parse [FILE]   Read a report body (FILE, or standard input) and print it as JSON:
                 report, durations, action items, closable, labels, sections, problems.
  fill [FILE]    Print the canonical filled report for a body, derived rows computed.

Options:
  --tz ZONE      Time zone for times written without one (IANA name, default UTC).
  -h, --help     Show this help.

Exit status: 0 when the input was read (problems are part of the output),
2 for a usage error or an unreadable file.`;

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
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
  const config = configWithZone(values.tz);
  switch (command) {
    case "parse": {
      const body = await readInput(single(rest, command), io.stdin);
      io.stdout(`${JSON.stringify(parseCommandOutput(body, config), null, 2)}\n`);
      return 0;
    }
    case "fill": {
      const body = await readInput(single(rest, command), io.stdin);
      io.stdout(fillReport(body, { timeZone: config.timeZone, types: config.types }));
      return 0;
    }
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
