/** A slash command in a comment, as the app understands it. */
export type SlashCommand =
  | { kind: "close"; reason: string }
  | { kind: "report"; month: string | null }
  | { kind: "invalid"; message: string };

/**
 * Reads `/disruption close <reason>` or `/disruption report [YYYY-MM]` from the first line of a
 * comment. Returns null for any other comment.
 */
export function parseSlashCommand(body: string): SlashCommand | null {
  const firstLine = body.replace(/\r\n?/g, "\n").trimStart().split("\n")[0] ?? "";
  const match = /^\/disruptions?\s+(\S+)\s*(.*)$/i.exec(firstLine.trim());
  if (!match) return null;
  const [, verb = "", rest = ""] = match;
  switch (verb.toLowerCase()) {
    case "close": {
      const reason = rest.trim();
      return reason
        ? { kind: "close", reason }
        : {
            kind: "invalid",
            message: "Say why the report may close with open items: `/disruption close <reason>`.",
          };
    }
    case "report": {
      const month = rest.trim();
      if (month === "") return { kind: "report", month: null };
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(month)
        ? { kind: "report", month }
        : {
            kind: "invalid",
            message: `\`${month}\` is not a month: write \`/disruption report 2026-10\`.`,
          };
    }
    default:
      return {
        kind: "invalid",
        message: `\`${verb}\` is not a command: use \`/disruption close <reason>\` or \`/disruption report [YYYY-MM]\`.`,
      };
  }
}
