import { type ConfigProblem, describeConfigProblem } from "../config/config-problem.js";
import type { Command, ParsedCommand } from "./parse-command.js";

/** One refused command line and why, as the refusal comment lists it. */
export interface Refusal {
  line: string;
  message: string;
}

/** The line a refusal of the whole comment quotes: its first command. */
function firstLine(parsed: readonly ParsedCommand[]): string {
  return parsed[0]?.line ?? "/disruption";
}

/** The comment refused because its writer may not change the report. */
export function roleRefusal(parsed: readonly ParsedCommand[], role: string): Refusal[] {
  const message = `commands need write access to this repository (your role: ${role})`;
  return [{ line: firstLine(parsed), message }];
}

/** The comment refused because the repository's config file is broken. */
export function configRefusal(
  parsed: readonly ParsedCommand[],
  problem: Pick<ConfigProblem, "source" | "issues">,
): Refusal[] {
  const message = `${describeConfigProblem(problem)}; fix it, then write the command again`;
  return [{ line: firstLine(parsed), message }];
}

/** The lines that could not be read, each with how to write it; none when every line reads. */
export function unreadLines(parsed: readonly ParsedCommand[]): Refusal[] {
  return parsed.flatMap((p) => (p.ok ? [] : [{ line: p.line, message: p.message }]));
}

/** The commands read, with their lines: what the plan applies. */
export function readCommands(
  parsed: readonly ParsedCommand[],
): { line: string; command: Command }[] {
  return parsed.flatMap((p) => (p.ok ? [{ line: p.line, command: p.command }] : []));
}
