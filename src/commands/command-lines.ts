/** Longest comment read for commands: a command block is a few short lines, never a page. */
const MAX_COMMAND_LINES = 20;

/**
 * The command lines of a comment: the lines at its start that are plain text beginning with
 * `/disruption` (or `/disruptions`), one command each, up to the first line that is not one.
 * Leading blank lines are skipped; the first written line must be a command. A line in a quote
 * (`> /disruption …`), a fenced block or an indented code block (four spaces or a tab) does not
 * begin with `/disruption`, so it is never a command, and nothing after the first other line is.
 * (README, "During a disruption".)
 *
 * @example commandLines("/disruption mitigated 14:40\n/disruption timeline rollback done +\nthanks all")
 * // → ["/disruption mitigated 14:40", "/disruption timeline rollback done +"]
 */
export function commandLines(body: string): string[] {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  let index = 0;
  while (index < lines.length && (lines[index] ?? "").trim() === "") index += 1;
  const found: string[] = [];
  for (; index < lines.length && found.length < MAX_COMMAND_LINES; index += 1) {
    const line = lines[index] ?? "";
    if (!isCommandLine(line)) break;
    found.push(line.trim());
  }
  return found;
}

/** Up to three spaces of indentation (four make a code block), then `/disruption` and a space or the end. */
function isCommandLine(line: string): boolean {
  return /^ {0,3}\/disruptions?(?:[ \t]|$)/i.test(line);
}
