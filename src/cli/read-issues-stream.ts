import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import streamArray from "stream-json/streamers/stream-array.js";
import type { AnalyticsIssue } from "../analytics/analytics-issue.js";
import { readIssueEntry } from "../analytics/read-issues-json.js";
import { UsageError } from "./cli-error.js";

/**
 * The issues of a JSON array file (or standard input for `-`), one at a time as the file is read:
 * 100,000 reports (some 300 MB of JSON) never sit in memory as one string or one parsed array.
 * Pull requests are skipped; an entry that is no issue, or text that is no JSON array, is a
 * {@link UsageError} naming it.
 */
export async function* streamIssuesFile(
  file: string,
  stdin: NodeJS.ReadableStream,
): AsyncGenerator<AnalyticsIssue> {
  const name = file === "-" ? "standard input" : file;
  const source = file === "-" ? stdin : await openFile(file);
  const entries = source.pipe(streamArray.withParserAsStream());
  try {
    for await (const { key, value } of entries as AsyncIterable<{ key: number; value: unknown }>) {
      const read = readIssueEntry(value, key);
      if ("error" in read) throw new UsageError(read.error);
      if (read.issue) yield read.issue;
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = (error as Error).message ?? "";
    if (/array/i.test(message))
      throw new UsageError(`${name} is not a JSON array of issues: ${message}`);
    throw new UsageError(`${name} is not JSON: ${message}`);
  }
}

async function openFile(file: string): Promise<NodeJS.ReadableStream> {
  try {
    await (await open(file, "r")).close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EACCES")
      throw new UsageError(
        `cannot read ${file}: ${code === "ENOENT" ? "no such file" : "permission denied"}`,
      );
    throw error;
  }
  return createReadStream(file);
}
