import { z } from "zod";
import { type AnalyticsIssue, stateReasonOf } from "./analytics-issue.js";

const timestamp = z.iso.datetime({ offset: true });
const labelName = z.union([z.string(), z.object({ name: z.string() })]);

/** One issue as `GET /repos/{owner}/{repo}/issues` returns it (extra keys are ignored). */
const restIssue = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  html_url: z.string(),
  body: z.string().nullish(),
  state: z.enum(["open", "closed"]),
  state_reason: z.string().nullish(),
  created_at: timestamp,
  closed_at: timestamp.nullish(),
  labels: z.array(labelName),
  pull_request: z.unknown().optional(),
});

/** One issue as `gh issue list --json number,title,body,labels,state,stateReason,createdAt,closedAt,url` prints it. */
const ghIssue = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  url: z.string(),
  body: z.string().nullish(),
  state: z.enum(["OPEN", "CLOSED"]),
  stateReason: z.string().nullish(),
  createdAt: timestamp,
  closedAt: timestamp.nullish(),
  labels: z.array(labelName),
});

const WANTED =
  "a JSON array of issues as the REST API returns them, or as `gh issue list --state all --json number,title,body,labels,state,stateReason,createdAt,closedAt,url` prints them";

/**
 * Reads a JSON array of issues in either of the two shapes the CLI accepts. Pull requests (REST
 * entries with `pull_request`) are skipped. A shape that fits neither is an error naming the
 * first entry and key that do not fit, never an exception.
 *
 * @example
 * readIssuesJson(JSON.parse(await readFile("issues.json", "utf8")))
 * // { issues: [{ number: 17, state: "closed", stateReason: "completed", labels: ["disruption"], … }] }
 */
export function readIssuesJson(json: unknown): { issues: AnalyticsIssue[] } | { error: string } {
  if (!Array.isArray(json)) return { error: `Expected ${WANTED}; got ${describe(json)}.` };
  const issues: AnalyticsIssue[] = [];
  for (const [index, entry] of json.entries()) {
    const read = readIssueEntry(entry, index);
    if ("error" in read) return read;
    if (read.issue) issues.push(read.issue);
  }
  return { issues };
}

/**
 * One entry of such an array (entry `index`, for the message): the issue, null for a pull request,
 * or an error naming the key that does not fit. The CLI reads a file entry by entry with it.
 */
export function readIssueEntry(
  entry: unknown,
  index: number,
): { issue: AnalyticsIssue | null } | { error: string } {
  const gh = isGhShaped(entry);
  const result = gh ? ghIssue.safeParse(entry) : restIssue.safeParse(entry);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `\`${issue.path.join(".")}\`: ` : "";
    return {
      error: `Entry ${index} is not an issue ${gh ? "as gh prints it" : "as the REST API returns it"}: ${where}${issue?.message ?? "invalid"}. Expected ${WANTED}.`,
    };
  }
  const data = result.data;
  if ("html_url" in data) {
    if (data.pull_request !== undefined) return { issue: null };
    return {
      issue: {
        number: data.number,
        title: data.title,
        url: data.html_url,
        body: data.body ?? "",
        state: data.state,
        stateReason: stateReasonOf(data.state_reason),
        createdAt: data.created_at,
        closedAt: data.closed_at ?? null,
        labels: data.labels.map(nameOf),
      },
    };
  }
  return {
    issue: {
      number: data.number,
      title: data.title,
      url: data.url,
      body: data.body ?? "",
      state: data.state === "OPEN" ? "open" : "closed",
      stateReason: stateReasonOf(data.stateReason),
      createdAt: data.createdAt,
      closedAt: ghTime(data.closedAt),
      labels: data.labels.map(nameOf),
    },
  };
}

/** gh prints camelCase keys and upper-case states; REST prints snake_case. */
function isGhShaped(entry: unknown): boolean {
  return (
    typeof entry === "object" &&
    entry !== null &&
    !("html_url" in entry) &&
    ("createdAt" in entry || "url" in entry)
  );
}

/** Older gh releases print Go's zero time for an open issue's `closedAt`. */
function ghTime(time: string | null | undefined): string | null {
  return !time || time.startsWith("0001-01-01") ? null : time;
}

function nameOf(label: string | { name: string }): string {
  return typeof label === "string" ? label : label.name;
}

function describe(json: unknown): string {
  if (json === null) return "null";
  if (typeof json === "object") return "an object (is the array wrapped in another key?)";
  return `a ${typeof json}`;
}
