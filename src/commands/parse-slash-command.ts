import { parsePeriod } from "../analytics/period.js";

/** A slash command in a comment, as the app understands it (`month`: any period, `2026-Q3` too). */
export type SlashCommand =
  | { kind: "close"; reason: string }
  | { kind: "report"; month: string | null }
  | { kind: "invalid"; message: string };

/**
 * Reads `/disruption close <reason>` or `/disruption report [PERIOD]` (a month `2026-10`, a
 * quarter `2026-Q3` or a year `2026`) from the first line of a
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
      const text = rest.trim();
      if (text === "") return { kind: "report", month: null };
      const period = parsePeriod(text);
      return period
        ? { kind: "report", month: period.key }
        : {
            kind: "invalid",
            message: `\`${text}\` is not a period: write \`/disruption report 2026-10\` (a month), \`2026-Q3\` (a quarter) or \`2026\` (a year).`,
          };
    }
    default:
      return {
        kind: "invalid",
        message: `\`${verb}\` is not a command: use \`/disruption close <reason>\` or \`/disruption report [YYYY-MM]\`.`,
      };
  }
}
