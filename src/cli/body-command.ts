import { parseOutput } from "./parse-output.js";
import { readBodyInput } from "./read-body-input.js";

/**
 * `disruptions parse`, `fill` and `summary` on one body (already read): what each prints. The
 * config comes from `--config`, `--template` and `--tz` (see `readBodyInput`).
 */
export async function runBodyCommand(
  command: "parse" | "fill" | "summary",
  text: string,
  options: { config?: string | undefined; template?: string | undefined; tz?: string | undefined },
  stdin: NodeJS.ReadableStream,
): Promise<string> {
  const { body, issue, config } = await readBodyInput(text, options, stdin);
  if (command === "parse") return `${JSON.stringify(parseOutput(body, config, issue), null, 2)}\n`;
  if (command === "fill") {
    const { fillWithConfig } = await import("../templates/fill-with-config.js");
    return fillWithConfig(body, config, issue);
  }
  const { summarizeReport } = await import("../templates/summarize-report.js");
  return summarizeReport(body, config, issue);
}
